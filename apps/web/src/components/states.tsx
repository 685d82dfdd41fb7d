import type { ErrorLike } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('state.loading')}
    </div>
  );
}

export function ErrorState({ error, retry }: { error: ErrorLike | Error; retry?: () => unknown }) {
  const { t, i18n } = useTranslation();
  let detail = error.message;
  // The server's own words, in the page's language when it sent both (extensions.localizedMessage).
  if (CombinedGraphQLErrors.is(error)) {
    detail = error.errors
      .map((e) => {
        const localized = e.extensions?.localizedMessage as { zh?: string; en?: string } | undefined;
        return (i18n.language === 'en' ? localized?.en : localized?.zh) ?? e.message;
      })
      .join('; ');
  }
  // 503: the server is up but its database is not (SERVICE_UNAVAILABLE); worth a retry shortly.
  else if (ServerError.is(error)) detail = error.statusCode === 503 ? t('state.unavailable') : `HTTP ${error.statusCode}`;
  return (
    <div className="state state-error" role="alert">
      <strong>{t('state.error')}</strong>
      <span className="muted">{detail}</span>
      {retry && (
        <button type="button" onClick={() => void retry()}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return <div className="state state-empty">{children ?? t('state.empty')}</div>;
}
