import type { Issue } from '@liangxin/domain';
import { BadUserInputError } from '../errors/bad-user-input.error.js';

/**
 * Every problem with a mutation's input, in one error: `field` and `localizedMessage` are the
 * first issue's (so a client that shows one message shows the first), `extensions.issues` lists
 * all of them with their paths, so a form can put each message beside its field.
 */
export function issuesError(issues: readonly Issue[]): BadUserInputError {
  const [first] = issues;
  if (!first) throw new Error('issuesError needs at least one issue');
  const more = issues.length - 1;
  const en = more === 0 ? first.en : `${first.en} (${more} more ${more === 1 ? 'problem' : 'problems'}: see extensions.issues)`;
  const zh = more === 0 ? first.zh : `${first.zh}（另有${more}处问题，见 extensions.issues）`;
  return new BadUserInputError(en, {
    field: first.path,
    reason: first.reason,
    localizedMessage: { zh, en },
    details: { issues: issues.map(({ path, reason, zh: z, en: e }) => ({ path: [...path], reason, zh: z, en: e })) },
  });
}

/** Throws issuesError(issues) when there is any issue; call it before the first write. */
export function refuseIfAny(issues: readonly Issue[]): void {
  if (issues.length > 0) throw issuesError(issues);
}
