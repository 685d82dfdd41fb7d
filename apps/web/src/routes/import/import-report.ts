// The JSON of POST /import/:kind (docs/import-guide.md, "The report"), as the page reads it.

export type ImportKind = 'organizations' | 'members' | 'instructors' | 'visits';
export const IMPORT_KINDS: ImportKind[] = ['organizations', 'members', 'instructors', 'visits'];

export interface RowIssue {
  code: string;
  reason?: string;
  row?: number;
  column?: string | null;
  message: string;
  messageZh?: string;
}

export interface RowReport {
  row: number;
  key: string | null;
  outcome: 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'REFUSED';
  changes?: string[];
  issues?: RowIssue[];
}

export interface ImportReport {
  kind: ImportKind;
  dryRun: boolean;
  validRowsOnly: boolean;
  applied: boolean;
  file: { format: string; encoding: string | null; sheet: string | null; headerRow: number; columns: string[]; ignoredColumns: string[] };
  summary: { rows: number; created: number; updated: number; unchanged: number; refused: number };
  rows: RowReport[];
}

export interface ImportError {
  code?: string;
  reason?: string;
  message: string;
  messageZh?: string;
}

export type ImportOutcome = { ok: true; report: ImportReport } | { ok: false; error: ImportError; report?: ImportReport; status: number };

/** Reads an import answer: 200 a report; 400 ROWS_REFUSED an error with the report; anything else an error. */
export async function readImportResponse(response: Response): Promise<ImportOutcome> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON
  }
  if (response.ok && body && typeof body === 'object' && 'summary' in body) return { ok: true, report: body as ImportReport };
  const b = (body ?? {}) as { error?: ImportError; report?: ImportReport; errors?: { message: string; extensions?: { code?: string } }[] };
  const error: ImportError = b.error ?? (b.errors?.[0] ? { message: b.errors[0].message, code: b.errors[0].extensions?.code } : { message: `HTTP ${response.status}` });
  return { ok: false, error, report: b.report, status: response.status };
}
