import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty } from '../../components/states';
import { authFetch, downloadFile } from '../../lib/authFetch';
import { useFormat } from '../../lib/format';
import { IMPORT_KINDS, readImportResponse, type ImportKind, type ImportOutcome } from './import-report';

/**
 * Spreadsheet import through the server's own route (POST /import/:kind, the file as the body):
 * a dry run first, row by row, then the real import of the same file.
 */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const id = useId();
  const [kind, setKind] = useState<ImportKind>('organizations');
  const [file, setFile] = useState<File | null>(null);
  const [validRowsOnly, setValidRowsOnly] = useState(false);
  const [busy, setBusy] = useState<'dry' | 'apply' | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [templateError, setTemplateError] = useState<string | null>(null);
  const zh = i18n.language !== 'en';

  async function send(dryRun: boolean) {
    if (!file) return;
    setBusy(dryRun ? 'dry' : 'apply');
    try {
      const q = new URLSearchParams();
      if (dryRun) q.set('dryRun', '1');
      if (validRowsOnly) q.set('validRowsOnly', '1');
      const response = await authFetch(`/import/${kind}?${q}`, { method: 'POST', body: file, headers: { 'content-type': 'application/octet-stream' } });
      setOutcome(await readImportResponse(response));
    } catch (e) {
      setOutcome({ ok: false, status: 0, error: { message: e instanceof Error ? e.message : String(e) } });
    } finally {
      setBusy(null);
    }
  }

  function dryRun(e: FormEvent) {
    e.preventDefault();
    void send(true);
  }

  const report = outcome?.report ?? (outcome?.ok ? outcome.report : undefined);
  const canApply = !!file && !!report && report.dryRun && (report.summary.refused === 0 || validRowsOnly) && report.summary.created + report.summary.updated > 0;

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('import.title')}</h1>
      </header>
      <form className="card form-grid" onSubmit={dryRun} aria-label={t('import.title')}>
        <label htmlFor={`${id}-kind`}>{t('import.kind')}</label>
        <div>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as ImportKind);
              setOutcome(null);
            }}
          >
            {IMPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`importKind.${k}`)}
              </option>
            ))}
          </select>{' '}
          <button
            type="button"
            className="link"
            onClick={() => {
              setTemplateError(null);
              downloadFile(`/templates/${kind}.xlsx`, `${kind}-template.xlsx`).catch((e: unknown) => setTemplateError(e instanceof Error ? e.message : String(e)));
            }}
          >
            {t('import.template')}
          </button>
          {templateError && (
            <span className="field-error" role="alert">
              {templateError}
            </span>
          )}
        </div>
        <label htmlFor={`${id}-file`}>{t('import.file')}</label>
        <div>
          <input
            id={`${id}-file`}
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setOutcome(null);
            }}
          />
        </div>
        <span />
        <label className="inline">
          <input type="checkbox" checked={validRowsOnly} onChange={(e) => setValidRowsOnly(e.target.checked)} /> {t('import.validRowsOnly')}
        </label>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!file || busy !== null}>
            {busy === 'dry' ? t('import.checking') : t('import.dryRun')}
          </button>{' '}
          <button type="button" disabled={!canApply || busy !== null} onClick={() => void send(false)}>
            {busy === 'apply' ? t('import.applying') : t('import.apply')}
          </button>
          <p className="muted small">{t('import.hint')}</p>
        </div>
      </form>

      {outcome && !outcome.ok && (
        <div className="state state-error" role="alert">
          <strong>{outcome.error.code === 'BAD_USER_INPUT' && outcome.report ? t('import.refused') : t('import.failed')}</strong>
          <span>{zh ? (outcome.error.messageZh ?? outcome.error.message) : outcome.error.message}</span>
        </div>
      )}
      {report && (
        <section className="card" aria-labelledby="report-heading">
          <h2 id="report-heading">{report.applied ? t('import.appliedHeading') : report.dryRun ? t('import.dryRunHeading') : t('import.notAppliedHeading')}</h2>
          <dl className="figures">
            {(['rows', 'created', 'updated', 'unchanged', 'refused'] as const).map((k) => (
              <div key={k}>
                <dt>{t(`import.summary.${k}`)}</dt>
                <dd>{f.num(report.summary[k])}</dd>
              </div>
            ))}
          </dl>
          {report.file.ignoredColumns.length > 0 && <p className="muted small">{t('import.ignored', { columns: report.file.ignoredColumns.join('、') })}</p>}
          {report.rows.length === 0 ? (
            <Empty />
          ) : (
            <table className="data">
              <thead>
                <tr>
                  <th scope="col" className="num">{t('import.row')}</th>
                  <th scope="col">{t('import.key')}</th>
                  <th scope="col">{t('import.outcome')}</th>
                  <th scope="col">{t('import.details')}</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((r) => (
                  <tr key={r.row}>
                    <td className="num">{r.row}</td>
                    <td>
                      <code>{r.key ?? '—'}</code>
                    </td>
                    <td>
                      <span className={`badge badge-${r.outcome === 'REFUSED' ? 'blind' : r.outcome === 'UNCHANGED' ? 'unknown' : 'good'}`}>{t(`outcome.${r.outcome}`)}</span>
                    </td>
                    <td>
                      {r.changes && r.changes.length > 0 && <span>{t('import.changes', { columns: r.changes.join('、') })}</span>}
                      {r.issues && (
                        <ul className="issues">
                          {r.issues.map((issue, i) => (
                            <li key={i}>
                              {issue.column && <strong>{issue.column}: </strong>}
                              {zh ? (issue.messageZh ?? issue.message) : issue.message}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}
