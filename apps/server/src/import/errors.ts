/**
 * What refuses an import as a whole (the file, the arguments, a concurrent change), as opposed
 * to the per-row issues of the report. The HTTP layer answers them as
 * `{ error: { code, reason, message, messageZh, path? } }` with `status`; the CLI prints them and
 * exits 2. Messages never quote cell contents beyond a short header name: cells may hold personal data.
 */
export type ImportErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'PAYLOAD_TOO_LARGE';

export class ImportFileError extends Error {
  readonly code: ImportErrorCode;

  constructor(
    readonly reason: string,
    readonly zh: string,
    readonly en: string,
    readonly status: 400 | 404 | 409 | 413 = 400,
    readonly path?: (string | number)[],
  ) {
    super(en);
    this.name = 'ImportFileError';
    this.code = status === 404 ? 'NOT_FOUND' : status === 409 ? 'CONFLICT' : status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_USER_INPUT';
  }

  toJSON() {
    return { code: this.code, reason: this.reason, message: this.en, messageZh: this.zh, ...(this.path ? { path: this.path } : {}) };
  }
}
