import { join } from 'node:path';
import { defaultDataDir } from './project-root.js';
import { startEmbeddedPostgres } from './embedded.js';

export interface DatabaseTarget {
  url: string;
  /** True when this process started an embedded server, which `close` stops. */
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * DATABASE_URL when set (production, CI, a developer's own server); otherwise an embedded
 * PostgreSQL with its data under the project's data folder, so `npm start` needs nothing installed.
 */
export async function resolveDatabase(options: {
  env?: NodeJS.ProcessEnv;
  /** Sub-folder of the data folder for the embedded cluster. */
  clusterName?: string;
  port?: number;
  log?: (message: string) => void;
} = {}): Promise<DatabaseTarget> {
  const env = options.env ?? process.env;
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, embedded: false, close: async () => {} };
  }
  const handle = await startEmbeddedPostgres({
    dataDir: join(defaultDataDir(env), options.clusterName ?? 'postgres'),
    port: options.port ?? (env.LIANGXIN_PG_PORT ? Number(env.LIANGXIN_PG_PORT) : 54329),
    log: options.log,
  });
  return { url: handle.url, embedded: true, close: () => handle.stop() };
}

/** The URL with its password hidden, for log lines. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<unparseable DATABASE_URL>';
  }
}
