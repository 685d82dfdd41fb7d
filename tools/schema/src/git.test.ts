import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCheck } from './check.js';
import { chooseBase } from './git.js';

const FILE = 'packages/schema/schema.graphql';
const V1 = 'type Query {\n  areas: [String!]!\n  area(code: String!): String\n}\n';
const V2 = 'type Query {\n  area(code: String!): String\n}\n';
const V3 = 'type Query {\n  area(code: String!): String\n  version: String\n}\n';

// A hook or an outer git command may export these; they would point git at another repository.
for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR']) delete process.env[name];

let repo: string;

function run(...args: string[]): string {
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
}
function write(path: string, text: string): void {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), text);
}
function commit(message: string): string {
  run('add', '-A');
  run('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-q', '--allow-empty', '-m', message);
  return run('rev-parse', 'HEAD');
}
async function check(env: NodeJS.ProcessEnv = {}): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await runCheck([], env, repo, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
}

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'schema-check-'));
  run('init', '-q', '-b', 'main');
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe('chooseBase and the check on a repository', () => {
  it('passes a schema that has no history yet', async () => {
    commit('empty');
    write(FILE, V1);
    expect(chooseBase(repo, FILE)).toMatchObject({ kind: 'ref', ref: 'HEAD' });
    expect(await check()).toMatchObject({ code: 0, output: expect.stringContaining('does not exist at HEAD') });
  });

  it('on a clean main, compares with the parent of the newest commit that changed the schema', async () => {
    write(FILE, V1);
    const first = commit('schema v1');
    write(FILE, V2);
    commit('remove Query.areas');
    write('README.md', 'unrelated');
    commit('unrelated change');
    expect(chooseBase(repo, FILE)).toMatchObject({ kind: 'ref', commit: first });
    const refused = await check();
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('BREAKING, not announced: Query.areas');

    write('CHANGELOG.md', '# Changelog\n\n## Unreleased\n\n### Breaking\n\n- Removed `Query.areas`: ask `area(code)`.\n');
    commit('announce it');
    expect(await check()).toMatchObject({ code: 0, output: expect.stringContaining('BREAKING, announced:     Query.areas') });
  });

  it('compares an uncommitted change with HEAD', async () => {
    write(FILE, V2);
    const head = commit('schema v2');
    write(FILE, V3);
    expect(chooseBase(repo, FILE)).toMatchObject({ kind: 'ref', ref: 'HEAD', commit: head });
    expect(await check()).toMatchObject({ code: 0, output: expect.stringContaining('1 changes: 0 breaking') });
  });

  it('on a branch, compares with the merge-base of origin/main', async () => {
    write(FILE, V1);
    const base = commit('schema v1');
    run('update-ref', 'refs/remotes/origin/main', base);
    run('checkout', '-q', '-b', 'feature');
    write(FILE, V3);
    commit('add version, drop areas');
    write(FILE, V3.replace('version', 'release'));
    commit('rename version');
    expect(chooseBase(repo, FILE)).toMatchObject({ kind: 'ref', commit: base });
    expect((await check()).output).toContain('BREAKING, not announced: Query.areas');
  });

  it('takes SCHEMA_BASE_REF over the default, and refuses an unknown one', async () => {
    write(FILE, V1);
    const v1 = commit('v1');
    write(FILE, V2);
    commit('v2');
    write(FILE, V3);
    commit('v3');
    expect(chooseBase(repo, FILE, v1)).toMatchObject({ commit: v1 });
    expect((await check({ SCHEMA_BASE_REF: v1 })).code).toBe(1);
    expect((await check()).code).toBe(0); // v2 → v3 only adds a field
    expect(() => chooseBase(repo, FILE, 'no-such-ref')).toThrow(/not a commit/);
  });
});
