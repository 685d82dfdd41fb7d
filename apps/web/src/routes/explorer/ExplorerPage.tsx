import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/states';

// GraphiQL brings Monaco (several MB): its own chunk, loaded only on this route.
const Explorer = lazy(() => import('./Explorer'));

export function ExplorerPage() {
  const { t } = useTranslation();
  return (
    <div className="page explorer-page">
      <h1 className="visually-hidden">{t('explorer.title')}</h1>
      <Suspense fallback={<Loading label={t('explorer.loading')} />}>
        <Explorer />
      </Suspense>
    </div>
  );
}
