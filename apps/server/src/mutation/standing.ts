import { issue, type FieldLabel, type Issue, type IssuePath } from '@liangxin/domain';
import type { RowJson } from './rows.js';

/*
 * Whether a Party organization stands on a date: established on or before it, not dissolved on
 * or before it. Two forms, because the API already answers two ways and clients read the reasons:
 *
 *   notStandingIssue          the Party organization itself is the problem (a parent, the holder
 *                             of a member's relation): one issue at its path, DISSOLVED or
 *                             NOT_YET_ESTABLISHED;
 *   dateOutsideStandingIssue  a record dated `date` (an activity held, a fund entry entered)
 *                             names it: DISSOLVED at the Party organization's path, or
 *                             BEFORE_ESTABLISHED at the date's path (the date is what is wrong).
 */

/** The issue when the Party organization `row` does not stand on `date`, else null. */
export function notStandingIssue(path: IssuePath, row: RowJson, date: string): Issue | null {
  const name = row.name as string;
  const established = row.established_on as string;
  const dissolved = (row.dissolved_on as string | null) ?? null;
  if (dissolved !== null && dissolved <= date) {
    return issue(
      path,
      'DISSOLVED',
      `党组织“${name}”已于 ${dissolved} 撤销，${date} 时已不存在`,
      `The Party organization "${name}" was dissolved on ${dissolved}; it no longer stood on ${date}.`,
    );
  }
  if (established > date) {
    return issue(
      path,
      'NOT_YET_ESTABLISHED',
      `党组织“${name}”成立于 ${established}，${date} 时尚未成立`,
      `The Party organization "${name}" was established on ${established}; it did not stand yet on ${date}.`,
    );
  }
  return null;
}

export interface DatedRecord {
  /** Where the Party organization was given, and where the date. */
  readonly paths: { readonly partyOrganization: IssuePath; readonly date: IssuePath };
  /** The date's name in messages, e.g. { zh: '活动日期', en: 'date held' }. */
  readonly dateLabel: FieldLabel;
  /** What a dissolution rules out, ending the DISSOLVED message (after "…was dissolved on D; "). */
  readonly afterDissolution: { readonly zh: string; readonly en: string };
}

/** The issue when a record dated `date` names the Party organization `row` while it did not stand, else null. */
export function dateOutsideStandingIssue(row: RowJson, date: string, record: DatedRecord): Issue | null {
  const name = row.name as string;
  const dissolved = row.dissolved_on as string | null;
  if (dissolved !== null && date >= dissolved) {
    return issue(
      record.paths.partyOrganization,
      'DISSOLVED',
      `党组织“${name}”已于 ${dissolved} 撤销，${record.afterDissolution.zh}`,
      `The Party organization "${name}" was dissolved on ${dissolved}; ${record.afterDissolution.en}`,
    );
  }
  const established = row.established_on as string;
  if (date < established) {
    return issue(
      record.paths.date,
      'BEFORE_ESTABLISHED',
      `${record.dateLabel.zh}（${date}）早于党组织“${name}”的成立日期（${established}）`,
      `The ${record.dateLabel.en} (${date}) is before the Party organization "${name}" was established (${established}).`,
    );
  }
  return null;
}
