import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding the workspace root package.json. Found by walking up from this file, not
 * from the current directory, because npm runs workspace scripts inside the workspace folder.
 */
export function findProjectRoot(start: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(start);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const json = JSON.parse(readFileSync(manifest, 'utf8')) as { workspaces?: unknown };
      if (json.workspaces) return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Liangxin project root (a package.json with workspaces).');
    dir = parent;
  }
}

/** Where local state lives (embedded PostgreSQL data): LIANGXIN_DATA_DIR or `<project>/.data`. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.LIANGXIN_DATA_DIR ? resolve(env.LIANGXIN_DATA_DIR) : join(findProjectRoot(), '.data');
}
