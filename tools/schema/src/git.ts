import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Runs git in `cwd`; stdout without the trailing newline, or null when git exits non-zero. */
export function git(cwd: string, args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 }).replace(
      /\n$/,
      '',
    );
  } catch {
    return null;
  }
}

export type BaseChoice =
  | { kind: 'ref'; ref: string; commit: string; reason: string }
  /** Nothing to compare with (the file has no history): the check passes. */
  | { kind: 'none'; reason: string };

/**
 * The commit whose copy of `file` (repository-relative) is "the schema before this change":
 *
 * 1. `explicit` (SCHEMA_BASE_REF or --base) when given; it must exist.
 * 2. The merge-base with origin/main, when origin/main exists and HEAD has commits it lacks
 *    (a branch, or a main ahead of its remote).
 * 3. HEAD, when the working tree's file differs from HEAD's (an uncommitted schema change).
 * 4. Otherwise (CI on a fresh clone of main, where HEAD is origin/main): the parent of the newest
 *    commit that changed the file — that commit is the change under review.
 */
export function chooseBase(root: string, file: string, explicit?: string): BaseChoice {
  if (explicit) {
    const commit = git(root, ['rev-parse', '--verify', '--quiet', `${explicit}^{commit}`]);
    if (!commit) throw new Error(`base ref "${explicit}" is not a commit in this repository`);
    return { kind: 'ref', ref: explicit, commit, reason: 'given (SCHEMA_BASE_REF / --base)' };
  }
  const head = git(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (!head) return { kind: 'none', reason: 'the repository has no commit yet' };

  const originMain = git(root, ['rev-parse', '--verify', '--quiet', 'origin/main^{commit}']);
  if (originMain) {
    const mergeBase = git(root, ['merge-base', 'HEAD', originMain]);
    if (mergeBase && mergeBase !== head) return { kind: 'ref', ref: mergeBase, commit: mergeBase, reason: 'merge-base of HEAD and origin/main' };
  }

  const atHead = showFile(root, head, file);
  const working = readWorkingFile(root, file);
  if (working !== atHead) return { kind: 'ref', ref: 'HEAD', commit: head, reason: 'the schema has uncommitted changes' };

  if (git(root, ['rev-parse', '--is-shallow-repository']) === 'true') {
    // A shallow clone cuts history: "the parent of the last change" may be missing, and passing
    // silently would turn the check off.
    throw new Error('shallow clone: fetch the history (git fetch --unshallow) or set SCHEMA_BASE_REF');
  }
  const last = git(root, ['log', '-1', '--format=%H', 'HEAD', '--', file]);
  if (!last) return { kind: 'none', reason: `${file} has no history` };
  const parent = git(root, ['rev-parse', '--verify', '--quiet', `${last}^1^{commit}`]);
  if (!parent) return { kind: 'none', reason: `${file} was introduced by the first commit` };
  return { kind: 'ref', ref: `${last.slice(0, 12)}^`, commit: parent, reason: `parent of ${last.slice(0, 12)}, the newest commit that changed ${file}` };
}

/** `file` as committed in `commit`, byte for byte, or undefined where it does not exist there. */
export function showFile(root: string, commit: string, file: string): string | undefined {
  try {
    return execFileSync('git', ['cat-file', 'blob', `${commit}:${file}`], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
}

function readWorkingFile(root: string, file: string): string | undefined {
  try {
    return readFileSync(join(root, file), 'utf8');
  } catch {
    return undefined;
  }
}
