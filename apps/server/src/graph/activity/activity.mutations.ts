import { checkDate, checkInteger, checkText, todayInShanghai, type Issue } from '@liangxin/domain';
import { Arg, Ctx, Field, InputType, Int, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { ConflictError } from '../../errors/conflict.error.js';
import { audit, dateOutsideStandingIssue, insertRow, PARTY_ORGANIZATION, referencedRow, refuseIfAny, runMutation } from '../../mutation/index.js';
import { toGlobalId } from '../../relay/cursor.js';
import { ActivityKind } from '../enums.js';
import { PartyOrganization } from '../party-organization/party-organization.entity.js';
import { required } from '../required.js';
import { LocalDate } from '../scalars.js';
import { Activity } from './activity.entity.js';

/*
 * recordActivity (issue 5): an activity of a Party organization that stands on the day it was
 * held (established on or before it, not dissolved on or before it). docs/mutations.md, "Activities".
 */

/** The table's limit (participants BETWEEN 0 AND 100000): more than a stadium; beyond it is a typo. */
export const ACTIVITY_PARTICIPANTS_MAX = 100_000;
const TITLE_MAX = 200;
/** Earlier dates are typed-in typos: no two-new Party organization is older. */
const EARLIEST = '1990-01-01';

@InputType('RecordActivityInput', { description: 'An activity a Party organization held (记录党组织活动).' })
export class RecordActivityInput {
  @Field(() => ID, { description: 'The Party organization: a PartyOrganization id, standing on the day held.' })
  partyOrganization: string;

  @Field(() => ActivityKind, { description: 'Kind of activity (活动类型).' })
  kind: ActivityKind;

  @Field(() => String, { description: 'Title (活动名称), at most 200 characters.' })
  title: string;

  @Field(() => LocalDate, { description: 'Date held (活动日期): not in the future.' })
  heldOn: string;

  @Field(() => Int, { description: 'Number of participants (参加人数), 0 to 100,000.' })
  participants: number;
}

@ObjectType('RecordActivityPayload', { description: 'The activity recorded.' })
export class RecordActivityPayload {
  @Field(() => Activity, { description: 'The new activity (version 1).' })
  activity: Activity;

  @Field(() => PartyOrganization, { description: 'The Party organization, with its activities as they are now (an activity ends its being weak).' })
  partyOrganization: PartyOrganization;
}

@Resolver()
export class ActivityMutations {
  @Mutation(() => RecordActivityPayload, {
    description:
      'Records an activity of a Party organization (记录党组织活动). BAD_USER_INPUT lists every problem (extensions.issues): a Party organization not standing that day (DISSOLVED, BEFORE_ESTABLISHED), a date in the future, participants out of range, a title too long. CONFLICT (DUPLICATE) when the same activity is already recorded. Writes an audit entry.',
  })
  async recordActivity(
    @Arg('input', () => RecordActivityInput, { description: 'The activity.' }) input: RecordActivityInput,
    @Ctx() ctx: Context,
  ): Promise<RecordActivityPayload> {
    const operation = 'recordActivity';
    const id = await runMutation(
      ctx,
      operation,
      async (tx) => {
        const at = (field: string) => ['input', field];
        const title = typeof input.title === 'string' ? input.title.trim() : input.title;
        const heldOnLabel = { zh: '活动日期', en: 'date held' };
        const dateIssues = checkDate(at('heldOn'), input.heldOn, { label: heldOnLabel, required: true, notAfter: todayInShanghai(), notBefore: EARLIEST });
        const issues: Issue[] = [
          ...checkText(at('title'), title, { label: { zh: '活动名称', en: 'title' }, max: TITLE_MAX, required: true }),
          ...dateIssues,
          ...checkInteger(at('participants'), input.participants, { label: { zh: '参加人数', en: 'number of participants' }, required: true, min: 0, max: ACTIVITY_PARTICIPANTS_MAX }),
        ];
        const found = await referencedRow(tx, at('partyOrganization'), input.partyOrganization, PARTY_ORGANIZATION);
        if (found.issue) issues.push(found.issue);
        const p = found.row;
        if (p && dateIssues.length === 0) {
          const standing = dateOutsideStandingIssue(p, input.heldOn, {
            paths: { partyOrganization: at('partyOrganization'), date: at('heldOn') },
            dateLabel: heldOnLabel,
            afterDissolution: { zh: `不能登记其 ${input.heldOn} 的活动`, en: `it cannot have held an activity on ${input.heldOn}.` },
          });
          if (standing) issues.push(standing);
        }
        refuseIfAny(issues);
        const duplicate = (await tx.query(
          'SELECT id FROM activity WHERE party_organization_id = $1 AND kind = $2 AND title = $3 AND held_on = $4 ORDER BY id LIMIT 1',
          [p!.id, input.kind, title, input.heldOn],
        )) as { id: number }[];
        if (duplicate[0]) {
          const existingId = toGlobalId('Activity', duplicate[0].id);
          const en = `This activity is already recorded: "${title}" on ${input.heldOn} (${existingId}).`;
          throw new ConflictError(en, {
            constraint: 'activity_duplicate',
            localizedMessage: { zh: `该活动已登记过：${input.heldOn}“${title}”（${existingId}），不能重复登记`, en },
            details: { reason: 'DUPLICATE', field: at('title'), existingId },
          });
        }
        const after = await insertRow(tx, 'activity', {
          party_organization_id: p!.id,
          kind: input.kind,
          title,
          held_on: input.heldOn,
          participants: input.participants,
        });
        const nodeId = after.id as number;
        await audit(tx, ctx, { operation, nodeType: 'Activity', nodeId, before: null, after });
        return nodeId;
      },
      {
        constraintPaths: {
          activity_participants_check: ['input', 'participants'],
          activity_title_check: ['input', 'title'],
          activity_party_organization_id_fkey: ['input', 'partyOrganization'],
        },
      },
    );
    const activity = required(await ctx.loaders.activity.byId.load(id), 'Activity', id);
    const partyOrganization = required(await ctx.loaders.partyOrganization.byId.load(activity.partyOrganizationId), 'PartyOrganization', activity.partyOrganizationId);
    return { activity, partyOrganization };
  }
}
