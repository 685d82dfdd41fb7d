import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/format';

/** Keyset paging: the cursors of the pages seen so far form a stack, so "previous" is exact. */
export function Pager({ total, shown, hasNext, hasPrevious, onNext, onPrevious }: { total: number; shown: number; hasNext: boolean; hasPrevious: boolean; onNext: () => void; onPrevious: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <nav className="pager" aria-label={t('common.pagination')}>
      <button type="button" onClick={onPrevious} disabled={!hasPrevious}>
        {t('common.previous')}
      </button>
      <span>{t('common.showingOf', { shown: f.num(shown), total: f.num(total) })}</span>
      <button type="button" onClick={onNext} disabled={!hasNext}>
        {t('common.next')}
      </button>
    </nav>
  );
}
