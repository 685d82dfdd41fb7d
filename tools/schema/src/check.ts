// schema:check — refuses breaking changes to the committed schema that CHANGELOG.md does not
// announce. Usage (from anywhere in the repository):
//
//   node tools/schema/dist/cli.js [--base REF] [--schema FILE] [--changelog FILE]
//
// REF defaults to $SCHEMA_BASE_REF, else is chosen by `chooseBase` (git.ts). FILE paths are
// relative to the repository root. Exit 0: no unannounced breaking change; 1: some; 2: misuse.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkSchemaChange, type SchemaChange } from './breaking.js';
import { chooseBase, git, showFile } from './git.js';

export const DEFAULT_SCHEMA = 'packages/schema/schema.graphql';
export const DEFAULT_CHANGELOG = 'CHANGELOG.md';

export async function runCheck(argv: string[], env: NodeJS.ProcessEnv, cwd: string, out: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { base: { type: 'string' }, schema: { type: 'string' }, changelog: { type: 'string' } },
    strict: true,
  });
  const root = git(cwd, ['rev-parse', '--show-toplevel']);
  if (!root) {
    out('schema:check: not inside a git repository');
    return 2;
  }
  const file = values.schema ?? DEFAULT_SCHEMA;
  const changelogFile = values.changelog ?? DEFAULT_CHANGELOG;

  let after: string;
  try {
    after = readFileSync(join(root, file), 'utf8');
  } catch {
    out(`schema:check: ${file} not found (run \`npm run schema\`)`);
    return 2;
  }

  const base = chooseBase(root, file, values.base ?? (env.SCHEMA_BASE_REF || undefined));
  if (base.kind === 'none') {
    out(`schema:check: nothing to compare with: ${base.reason}. Pass.`);
    return 0;
  }
  const before = showFile(root, base.commit, file);
  if (before === undefined) {
    out(`schema:check: ${file} does not exist at ${base.ref} (${base.reason}): a new schema. Pass.`);
    return 0;
  }

  out(`schema:check: ${file} against ${base.ref} (${base.reason})`);
  let changelog = '';
  try {
    changelog = readFileSync(join(root, changelogFile), 'utf8');
  } catch {
    out(`  no ${changelogFile}: no breaking change is announced`);
  }

  const result = await checkSchemaChange({ before, after, changelog });
  const breaking = result.announced.length + result.refused.length;
  out(
    `  ${breaking + result.dangerous.length + result.safe.length} changes: ${breaking} breaking ` +
      `(${result.announced.length} announced in ${changelogFile}), ${result.dangerous.length} dangerous, ${result.safe.length} safe`,
  );
  const show = (label: string, changes: SchemaChange[]) => {
    for (const change of changes) out(`  ${label} ${change.path}: ${change.message}`);
  };
  show('BREAKING, not announced:', result.refused);
  show('BREAKING, announced:    ', result.announced);
  show('dangerous:              ', result.dangerous);

  if (result.refused.length > 0) {
    out('');
    out(`schema:check: ${result.refused.length} breaking change(s) not announced in ${changelogFile}.`);
    out('Either keep the schema compatible (deprecate first, remove later), or list each path above');
    out(`under "### Breaking" in the Unreleased section of ${changelogFile}, saying what clients should do.`);
    return 1;
  }
  out('schema:check: ok');
  return 0;
}
