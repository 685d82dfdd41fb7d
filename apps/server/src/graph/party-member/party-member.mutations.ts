import {
  checkDate,
  checkText,
  EARLIEST_BIRTH,
  isLedger,
  isStageForward,
  issue,
  nextStage,
  todayInShanghai,
  validatePartyMemberFields,
  type Issue,
  type IssuePath,
  type PartyMemberFields,
} from '@liangxin/domain';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, registerEnumType, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { ConflictError } from '../../errors/conflict.error.js';
import { targetRowId } from '../../mutation/arguments.js';
import {
  audit,
  insertRow,
  lockVersioned,
  notStandingIssue,
  PARTY_ORGANIZATION,
  referencedRow,
  refuseIfAny,
  runMutation,
  updateVersioned,
  type ReferenceKind,
  type RowJson,
  type Tx,
} from '../../mutation/index.js';
import { toGlobalId } from '../../relay/cursor.js';
import { raw } from '../../sql/fragment.js';
import { Ledger, MemberStage, RelationHolder } from '../enums.js';
import { coversOn } from '../party-organization/party-organization.mutations.js';
import { required } from '../required.js';
import { LocalDate } from '../scalars.js';
import { PartyMember } from './party-member.entity.js';

/*
 * addPartyMember, updatePartyMember, advancePartyMemberStage, recordIdentityRevealed,
 * transferPartyMember (issue 5). Personal data (name, gender, birth date, phone, identity number,
 * address) never goes into a message, a log line or the audit trail: the trail keeps the column
 * with the value '[redacted]' (see PERSONAL_COLUMNS), because `auditLog` is readable by every
 * caller today while the PartyMember fields are masked (personal-data.ts). When access control
 * arrives, the trail can keep the values for the roles allowed to see them.
 */

/** Columns of personal data: redacted in the audit trail, never echoed in messages. */
export const PERSONAL_COLUMNS = ['name', 'gender', 'birth_date', 'phone', 'id_number', 'address'] as const;

const LABEL = { zh: '党员', en: 'Party member' } as const;
const ORGANIZATION: ReferenceKind = { typeName: 'Organization', table: 'organization', label: { zh: '所在组织', en: 'organization' } };
const AREA: ReferenceKind = { typeName: 'Area', table: 'area', label: { zh: '台账所在区划', en: 'ledger area' } };
const HOLDING_PARTY_ORGANIZATION: ReferenceKind = { ...PARTY_ORGANIZATION, label: { zh: '组织关系所在党组织', en: 'Party organization' } };

/** The area level each ledger's holder sits at: a district's talent centre, a community, the city's personnel agency. */
const LEDGER_AREA_LEVEL: Record<string, { level: string; zh: string; en: string }> = {
  PERSONNEL_AGENCY: { level: 'CITY', zh: '市', en: 'the city' },
  TALENT_CENTER: { level: 'DISTRICT', zh: '区县', en: 'a district or county' },
  COMMUNITY: { level: 'COMMUNITY', zh: '社区', en: 'a community' },
};

const STAGE_ZH: Record<string, string> = {
  APPLICANT: '入党申请人',
  ACTIVIST: '入党积极分子',
  CANDIDATE: '发展对象',
  PROBATIONARY: '预备党员',
  FULL: '正式党员',
};

/** The date column each stage is reached on. */
const STAGE_COLUMN: Record<string, string> = {
  APPLICANT: 'applied_on',
  ACTIVIST: 'activist_on',
  CANDIDATE: 'candidate_on',
  PROBATIONARY: 'probationary_on',
  FULL: 'full_on',
};

export const Gender = { MALE: 'M', FEMALE: 'F' } as const;
export type Gender = (typeof Gender)[keyof typeof Gender];
registerEnumType(Gender, {
  name: 'Gender',
  description: 'Gender (性别) as recorded on the identity card.',
  valuesConfig: { MALE: { description: 'Male (男).' }, FEMALE: { description: 'Female (女).' } },
});

const CONSTRAINT_PATHS = {
  party_member_id_number_key: ['input', 'idNumber'],
  party_member_organization_id_fkey: ['input', 'organization'],
  party_member_party_organization_id_fkey: ['input', 'partyOrganization'],
  party_member_ledger_area_id_fkey: ['input', 'ledgerArea'],
  party_member_phone_check: ['input', 'phone'],
  party_member_name_check: ['input', 'name'],
} as const;

@InputType('AddPartyMemberInput', {
  description:
    'A Party member, or a person being developed (登记党员 / 发展对象). Stage dates follow one another up to the stage reached; probationary and full members say who holds their organizational relation.',
})
export class AddPartyMemberInput {
  @Field(() => String, { description: 'Name (姓名), at most 100 characters. Personal data: never shown unmasked.' })
  name: string;

  @Field(() => Gender, { description: 'Gender (性别).' })
  gender: Gender;

  @Field(() => LocalDate, { description: 'Date of birth (出生日期); must match characters 7–14 of the identity number.' })
  birthDate: string;

  @Field(() => String, { description: 'Resident identity number (公民身份号码), 18 characters with its GB 11643 check character; unique.' })
  idNumber: string;

  @Field(() => String, { nullable: true, description: 'Phone (联系电话): 5–20 digits, "+" or "-".' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Address (住址), at most 300 characters.' })
  address?: string | null;

  @Field(() => ID, { description: 'The two-new organization the person works in (所在组织), not deregistered.' })
  organization: string;

  @Field(() => LocalDate, { description: 'Employed there since (入职日期).' })
  employedSince: string;

  @Field(() => MemberStage, { description: 'Stage reached (发展阶段).' })
  stage: MemberStage;

  @Field(() => LocalDate, { description: 'Date of application (申请入党日期); at least 18 years after birth.' })
  appliedOn: string;

  @Field(() => LocalDate, { nullable: true, description: 'Date named an activist; required from stage ACTIVIST on.' })
  activistOn?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Date named a candidate (发展对象); required from stage CANDIDATE on.' })
  candidateOn?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Date admitted as probationary member; required from stage PROBATIONARY on.' })
  probationaryOn?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Date of full membership; required for stage FULL.' })
  fullOn?: string | null;

  @Field(() => RelationHolder, {
    nullable: true,
    description:
      'Who holds the organizational relation (组织关系所在). Default: PARTY_ORGANIZATION when partyOrganization is given, else the ledger when one is given, else NONE.',
  })
  relationHolder?: RelationHolder | null;

  @Field(() => ID, { nullable: true, description: 'The Party organization holding the relation: standing, and covering the member’s organization.' })
  partyOrganization?: string | null;

  @Field(() => Ledger, { nullable: true, description: 'The ledger (台账) the relation sits in, or sat in before a transfer.' })
  ledger?: Ledger | null;

  @Field(() => ID, { nullable: true, description: 'The ledger’s area: the district of a talent centre, the community; optional for the personnel agency (the city).' })
  ledgerArea?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'In the ledger since (纳入台账日期).' })
  ledgerSince?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Transferred from the ledger into the Party organization on (转接日期).' })
  transferredOn?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Identity revealed at work on (亮明身份日期); Party members only.' })
  revealedOn?: string | null;
}

@InputType('UpdatePartyMemberInput', { description: 'Changes to a member’s contact data (修改党员联系信息). Only the fields given change; null clears phone or address.' })
export class UpdatePartyMemberInput {
  @Field(() => String, { nullable: true, description: 'Name (姓名), at most 100 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone (联系电话), or null.' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Address (住址), or null.' })
  address?: string | null;
}

@ObjectType('PartyMemberPayload', { description: 'The Party member added or changed.' })
export class PartyMemberPayload {
  @Field(() => PartyMember, { description: 'The member as stored now, with its version. Personal data is masked.' })
  partyMember: PartyMember;
}

/** The stored member's fields as the domain rules read them. */
function fieldsOf(row: RowJson): PartyMemberFields {
  const s = (column: string) => (row[column] as string | null) ?? null;
  return {
    idNumber: row.id_number as string,
    name: row.name as string,
    gender: row.gender as string,
    birthDate: row.birth_date as string,
    phone: s('phone'),
    address: s('address'),
    employedSince: row.employed_since as string,
    stage: row.stage as string,
    appliedOn: row.applied_on as string,
    activistOn: s('activist_on'),
    candidateOn: s('candidate_on'),
    probationaryOn: s('probationary_on'),
    fullOn: s('full_on'),
    relationHolder: row.relation_holder as string,
    hasPartyOrganization: row.party_organization_id !== null,
    ledger: s('ledger'),
    hasLedgerArea: row.ledger_area_id !== null,
    ledgerSince: s('ledger_since'),
    transferredOn: s('transferred_on'),
    revealedOn: s('revealed_on'),
  };
}

/** The Party organization holding a relation: exists, stands on `date`, covers the member's organization on `date`. */
async function holdingPartyOrganization(tx: Tx, path: IssuePath, globalId: string, organizationId: number | null, date: string, issues: Issue[]): Promise<number | null> {
  const found = await referencedRow(tx, path, globalId, HOLDING_PARTY_ORGANIZATION);
  if (found.issue) {
    issues.push(found.issue);
    return null;
  }
  const row = found.row;
  const standing = notStandingIssue(path, row, date);
  if (standing) {
    issues.push(standing);
    return null;
  }
  if (organizationId !== null && !(await coversOn(tx, row.id as number, organizationId, date))) {
    issues.push(
      issue(
        path,
        'NOT_COVERING',
        `党组织“${row.name as string}”在 ${date} 不覆盖该党员所在的组织，组织关系应转入所在组织的党组织`,
        `The Party organization "${row.name as string}" does not cover the member's organization on ${date}; the relation goes to a Party organization covering it.`,
      ),
    );
    return null;
  }
  return row.id as number;
}

/** A ledger's area: exists and is of the ledger's level. */
async function ledgerAreaOf(tx: Tx, path: IssuePath, globalId: string, ledger: string, issues: Issue[]): Promise<number | null> {
  const found = await referencedRow(tx, path, globalId, AREA);
  if (found.issue) {
    issues.push(found.issue);
    return null;
  }
  const expected = LEDGER_AREA_LEVEL[ledger];
  if (expected && found.row.level !== expected.level) {
    issues.push(
      issue(
        path,
        'WRONG_LEVEL',
        `“${found.row.name as string}”不是${expected.zh}，该台账的所在区划应为${expected.zh}`,
        `"${found.row.name as string}" is not ${expected.en}; this ledger is held by ${expected.en}.`,
      ),
    );
    return null;
  }
  return found.row.id as number;
}

/** CONFLICT naming the member already recorded with this identity number (the number itself is not echoed). */
async function refuseTakenIdNumber(tx: Tx, idNumber: string): Promise<void> {
  const [holder] = (await tx.query('SELECT id FROM party_member WHERE id_number = $1', [idNumber])) as { id: number }[];
  if (!holder) return;
  const existingId = toGlobalId('PartyMember', holder.id);
  const en = `A member with this identity number is already recorded (${existingId}).`;
  throw new ConflictError(en, {
    constraint: 'party_member_id_number_key',
    localizedMessage: { zh: `该公民身份号码已登记（${existingId}），不能重复登记`, en },
    details: { reason: 'DUPLICATE', field: ['input', 'idNumber'], existingId },
  });
}

function stateConflict(reason: string, zh: string, en: string): ConflictError {
  return new ConflictError(en, { constraint: 'state', localizedMessage: { zh, en }, details: { reason } });
}

function oneYearAfter(date: string): string {
  const year = Number(date.slice(0, 4)) + 1;
  const rest = date.slice(4);
  // 29 February + 1 year: 1 March, the first day after a full year.
  return rest === '-02-29' ? `${year}-03-01` : `${year}${rest}`;
}

@Resolver()
export class PartyMemberMutations {
  @Mutation(() => PartyMemberPayload, {
    description:
      'Adds a Party member or a person being developed (登记党员). Refused with BAD_USER_INPUT listing every problem, or CONFLICT when the identity number is recorded already (extensions.existingId). The audit entry keeps personal data as "[redacted]".',
  })
  async addPartyMember(
    @Arg('input', () => AddPartyMemberInput, { description: 'The member to add.' }) input: AddPartyMemberInput,
    @Ctx() ctx: Context,
  ): Promise<PartyMemberPayload> {
    const operation = 'addPartyMember';
    const id = await runMutation(
      ctx,
      operation,
      async (tx) => {
        const today = todayInShanghai();
        const at = (field: string): IssuePath => ['input', field];
        const idNumber = input.idNumber.trim().toUpperCase();
        const relationHolder = input.relationHolder ?? (input.partyOrganization != null ? 'PARTY_ORGANIZATION' : (input.ledger ?? 'NONE'));
        const fields: PartyMemberFields = {
          idNumber,
          name: input.name,
          gender: input.gender,
          birthDate: input.birthDate,
          phone: input.phone?.trim() || null,
          address: input.address,
          employedSince: input.employedSince,
          stage: input.stage,
          appliedOn: input.appliedOn,
          activistOn: input.activistOn ?? null,
          candidateOn: input.candidateOn ?? null,
          probationaryOn: input.probationaryOn ?? null,
          fullOn: input.fullOn ?? null,
          relationHolder,
          hasPartyOrganization: input.partyOrganization != null,
          ledger: input.ledger ?? null,
          hasLedgerArea: input.ledgerArea != null,
          ledgerSince: input.ledgerSince ?? null,
          transferredOn: input.transferredOn ?? null,
          revealedOn: input.revealedOn ?? null,
        };
        const issues = validatePartyMemberFields(fields, today, { path: ['input'] });
        const member = input.stage === 'PROBATIONARY' || input.stage === 'FULL';
        if (input.revealedOn != null && !member) {
          issues.push(issue(at('revealedOn'), 'NOT_A_MEMBER', '只有预备党员和正式党员才能亮明党员身份', 'Only probationary and full members reveal a Party identity.'));
        } else if (input.revealedOn != null && input.probationaryOn != null && input.revealedOn < input.probationaryOn) {
          issues.push(
            issue(
              at('revealedOn'),
              'DATES_OUT_OF_ORDER',
              `亮明身份日期（${input.revealedOn}）早于接收为预备党员日期（${input.probationaryOn}）`,
              `The date the identity was revealed (${input.revealedOn}) is before the date admitted as probationary member (${input.probationaryOn}).`,
            ),
          );
        }
        if (input.partyOrganization != null && relationHolder !== 'PARTY_ORGANIZATION') {
          issues.push(
            issue(at('partyOrganization'), 'NOT_APPLICABLE', '组织关系不在本单位党组织的，不填写所在党组织', 'A Party organization is named only when it holds the relation.'),
          );
        }
        if (input.ledgerArea != null && input.ledger == null) {
          issues.push(issue(at('ledgerArea'), 'NOT_APPLICABLE', '未填写所在台账，不能填写台账所在区划', 'A ledger area belongs to a ledger: name the ledger.'));
        }

        // References.
        let organizationId: number | null = null;
        const employer = await referencedRow(tx, at('organization'), input.organization, ORGANIZATION);
        if (employer.issue) issues.push(employer.issue);
        else if (employer.row.status === 'DEREGISTERED') {
          issues.push(
            issue(
              at('organization'),
              'DEREGISTERED',
              `组织“${employer.row.name as string}”已于 ${employer.row.deregistered_on as string} 注销`,
              `The organization "${employer.row.name as string}" was deregistered on ${employer.row.deregistered_on as string}.`,
            ),
          );
        } else organizationId = employer.row.id as number;
        let partyOrganizationId: number | null = null;
        if (input.partyOrganization != null && relationHolder === 'PARTY_ORGANIZATION') {
          // The relation is held there now: it stands today and covers the member's organization.
          partyOrganizationId = await holdingPartyOrganization(tx, at('partyOrganization'), input.partyOrganization, organizationId, today, issues);
        }
        let ledgerAreaId: number | null = null;
        if (input.ledgerArea != null && input.ledger != null) ledgerAreaId = await ledgerAreaOf(tx, at('ledgerArea'), input.ledgerArea, input.ledger, issues);
        refuseIfAny(issues);
        await refuseTakenIdNumber(tx, idNumber);

        const after = await insertRow(tx, 'party_member', {
          name: input.name.trim(),
          gender: input.gender,
          birth_date: input.birthDate,
          phone: fields.phone,
          address: input.address?.trim() || null,
          id_number: idNumber,
          organization_id: organizationId,
          employed_since: input.employedSince,
          stage: input.stage,
          applied_on: input.appliedOn,
          activist_on: fields.activistOn,
          candidate_on: fields.candidateOn,
          probationary_on: fields.probationaryOn,
          full_on: fields.fullOn,
          relation_holder: relationHolder,
          party_organization_id: partyOrganizationId,
          ledger: fields.ledger,
          ledger_area_id: ledgerAreaId,
          ledger_since: fields.ledgerSince,
          transferred_on: fields.transferredOn,
          identity_revealed: input.revealedOn != null,
          revealed_on: fields.revealedOn,
        });
        const nodeId = after.id as number;
        await audit(tx, ctx, { operation, nodeType: 'PartyMember', nodeId, before: null, after, redact: PERSONAL_COLUMNS });
        return nodeId;
      },
      { constraintPaths: CONSTRAINT_PATHS },
    );
    return { partyMember: required(await ctx.loaders.partyMember.byId.load(id), 'PartyMember', id) };
  }

  @Mutation(() => PartyMemberPayload, {
    description:
      'Changes a member’s contact data (修改党员联系信息): name, phone, address. Only the fields given; nothing changed writes nothing. The audit entry keeps personal data as "[redacted]".',
  })
  async updatePartyMember(
    @Arg('id', () => ID, { description: 'The member’s id.' }) id: string,
    @Arg('version', () => Int, { description: 'The version the change was made on (PartyMember.version).' }) version: number,
    @Arg('input', () => UpdatePartyMemberInput, { description: 'The fields to change.' }) input: UpdatePartyMemberInput,
    @Ctx() ctx: Context,
  ): Promise<PartyMemberPayload> {
    const operation = 'updatePartyMember';
    const rowId = targetRowId(id, 'PartyMember', LABEL);
    await runMutation(
      ctx,
      operation,
      async (tx) => {
        const target = { table: 'party_member', nodeType: 'PartyMember', id: rowId, version };
        const before = await lockVersioned(tx, target);
        const changes: Record<string, unknown> = {};
        const issues: Issue[] = [];
        if (input.name === null) issues.push(issue(['input', 'name'], 'REQUIRED', '姓名不能清空', 'The name cannot be cleared.'));
        else if (input.name !== undefined) changes.name = input.name.trim();
        if (input.phone !== undefined) changes.phone = input.phone?.trim() || null;
        if (input.address !== undefined) changes.address = input.address?.trim() || null;
        // The whole record is checked, and only the issues of the fields given are reported: the
        // stored ones were accepted when they were written.
        const merged = { ...fieldsOf(before), ...('name' in changes ? { name: input.name as string } : {}), ...('phone' in changes ? { phone: changes.phone as string | null } : {}), ...('address' in changes ? { address: input.address } : {}) };
        const given = new Set(Object.keys(changes));
        issues.push(...validatePartyMemberFields(merged, todayInShanghai(), { path: ['input'] }).filter((found) => given.has(String(found.path[1]))));
        refuseIfAny(issues);
        const changed = Object.fromEntries(Object.entries(changes).filter(([column, value]) => (before[column] ?? null) !== (value ?? null)));
        if (Object.keys(changed).length === 0) return;
        const after = await updateVersioned(tx, target, { ...changed, updated_at: raw('now()') });
        await audit(tx, ctx, { operation, nodeType: 'PartyMember', nodeId: rowId, before, after, redact: PERSONAL_COLUMNS });
      },
      { constraintPaths: CONSTRAINT_PATHS },
    );
    return { partyMember: required(await ctx.loaders.partyMember.byId.load(rowId), 'PartyMember', rowId) };
  }

  @Mutation(() => PartyMemberPayload, {
    description:
      'Moves a member one stage forward (推进发展阶段): applicant → activist → candidate → probationary → full, dated `on` (not before the previous stage, not in the future; full membership one year after admission at the earliest). Admission as probationary member names who holds the relation: `partyOrganization`, or `ledger` (with `ledgerArea`).',
  })
  async advancePartyMemberStage(
    @Arg('id', () => ID, { description: 'The member’s id.' }) id: string,
    @Arg('version', () => Int, { description: 'The version the change was made on (PartyMember.version).' }) version: number,
    @Arg('stage', () => MemberStage, { description: 'The stage reached: the one after the current stage.' }) stage: MemberStage,
    @Arg('on', () => LocalDate, { description: 'The date it was reached.' }) on: string,
    @Arg('partyOrganization', () => ID, { nullable: true, description: 'For PROBATIONARY: the Party organization that admitted the member and holds the relation.' })
    partyOrganization: string | null | undefined,
    @Arg('ledger', () => Ledger, { nullable: true, description: 'For PROBATIONARY: the ledger holding the relation instead.' }) ledger: Ledger | null | undefined,
    @Arg('ledgerArea', () => ID, { nullable: true, description: 'For PROBATIONARY in a talent-centre or community ledger: its area.' }) ledgerArea: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<PartyMemberPayload> {
    const operation = 'advancePartyMemberStage';
    const rowId = targetRowId(id, 'PartyMember', LABEL);
    await runMutation(ctx, operation, async (tx) => {
      const target = { table: 'party_member', nodeType: 'PartyMember', id: rowId, version };
      const before = await lockVersioned(tx, target);
      const current = before.stage as MemberStage;
      const next = nextStage(current);
      const issues: Issue[] = [];
      if (next === null) {
        issues.push(issue(['stage'], 'ALREADY_FULL', '该党员已是正式党员，没有下一个发展阶段', 'This member is a full member already; there is no further stage.'));
      } else if (stage !== next) {
        issues.push(
          isStageForward(current, stage)
            ? issue(
                ['stage'],
                'STAGE_SKIPPED',
                `发展阶段须逐级推进：当前为“${STAGE_ZH[current]}”，下一阶段应为“${STAGE_ZH[next]}”，不能直接成为“${STAGE_ZH[stage]}”`,
                `Stages are passed one at a time: from ${current} the next stage is ${next}, not ${stage}.`,
              )
            : issue(
                ['stage'],
                'NOT_FORWARD',
                `发展阶段只能向前推进：当前已是“${STAGE_ZH[current]}”，下一阶段应为“${STAGE_ZH[next]}”`,
                `Stages only move forward: the member is at ${current} already; the next stage is ${next}.`,
              ),
        );
      }
      const dateIssues = checkDate(['on'], on, { label: { zh: '阶段日期', en: 'date' }, required: true, notAfter: todayInShanghai(), notBefore: EARLIEST_BIRTH });
      issues.push(...dateIssues);
      if (dateIssues.length === 0 && next !== null) {
        const previousStage = current;
        const previousOn = before[STAGE_COLUMN[previousStage]!] as string;
        if (on < previousOn) {
          issues.push(
            issue(
              ['on'],
              'DATES_OUT_OF_ORDER',
              `日期（${on}）早于上一阶段“${STAGE_ZH[previousStage]}”的日期（${previousOn}）`,
              `The date (${on}) is before the date of the previous stage, ${previousStage} (${previousOn}).`,
            ),
          );
        } else if (stage === 'FULL' && next === 'FULL' && on < oneYearAfter(previousOn)) {
          issues.push(
            issue(
              ['on'],
              'PROBATION_NOT_OVER',
              `预备期为一年（《中国共产党章程》第七条）：接收为预备党员的日期为 ${previousOn}，最早 ${oneYearAfter(previousOn)} 才能转为正式党员`,
              `The probation lasts one year (Party Constitution, art. 7): admitted on ${previousOn}, the member can become a full member on ${oneYearAfter(previousOn)} at the earliest.`,
            ),
          );
        }
      }
      const columns: Record<string, unknown> = {};
      const admitting = stage === 'PROBATIONARY' && next === 'PROBATIONARY';
      if (admitting && issues.length === 0) {
        if ((partyOrganization == null) === (ledger == null)) {
          issues.push(
            issue(
              partyOrganization == null ? ['partyOrganization'] : ['ledger'],
              partyOrganization == null ? 'REQUIRED' : 'EITHER_OR',
              partyOrganization == null
                ? '接收为预备党员须写明组织关系所在：所在党组织，或所在台账'
                : '组织关系只能在一处：填写所在党组织或所在台账，不能同时填写',
              partyOrganization == null
                ? 'Admission as a probationary member names who holds the relation: a Party organization, or a ledger.'
                : 'The relation is held in one place: give a Party organization or a ledger, not both.',
            ),
          );
        } else if (partyOrganization != null) {
          const held = await holdingPartyOrganization(tx, ['partyOrganization'], partyOrganization, before.organization_id as number, on, issues);
          if (held !== null) Object.assign(columns, { relation_holder: 'PARTY_ORGANIZATION', party_organization_id: held });
        } else {
          let areaId: number | null = null;
          if (ledgerArea != null) areaId = await ledgerAreaOf(tx, ['ledgerArea'], ledgerArea, ledger!, issues);
          else if (ledger !== 'PERSONNEL_AGENCY') {
            issues.push(issue(['ledgerArea'], 'REQUIRED', '区县人才服务中心或社区台账须填写台账所在区划', 'A talent-centre or community ledger needs its area.'));
          }
          Object.assign(columns, { relation_holder: ledger, ledger, ledger_area_id: areaId, ledger_since: on });
        }
      } else if (!admitting) {
        for (const [name, value] of [['partyOrganization', partyOrganization], ['ledger', ledger], ['ledgerArea', ledgerArea]] as const) {
          if (value != null) {
            issues.push(issue([name], 'NOT_APPLICABLE', '只有接收为预备党员时才填写组织关系所在', 'Who holds the relation is given only on admission as a probationary member.'));
          }
        }
      }
      refuseIfAny(issues);
      const after = await updateVersioned(tx, target, { stage, [STAGE_COLUMN[stage]!]: on, ...columns, updated_at: raw('now()') });
      await audit(tx, ctx, { operation, nodeType: 'PartyMember', nodeId: rowId, before, after, redact: PERSONAL_COLUMNS });
    });
    return { partyMember: required(await ctx.loaders.partyMember.byId.load(rowId), 'PartyMember', rowId) };
  }

  @Mutation(() => PartyMemberPayload, {
    description:
      'Records that a member revealed the Party identity at work (亮明身份), on `on`: a probationary or full member, not before admission, not in the future. CONFLICT when already recorded or not a Party member.',
  })
  async recordIdentityRevealed(
    @Arg('id', () => ID, { description: 'The member’s id.' }) id: string,
    @Arg('version', () => Int, { description: 'The version the change was made on (PartyMember.version).' }) version: number,
    @Arg('on', () => LocalDate, { description: 'The date the identity was revealed (亮明身份日期).' }) on: string,
    @Ctx() ctx: Context,
  ): Promise<PartyMemberPayload> {
    const operation = 'recordIdentityRevealed';
    const rowId = targetRowId(id, 'PartyMember', LABEL);
    await runMutation(ctx, operation, async (tx) => {
      const target = { table: 'party_member', nodeType: 'PartyMember', id: rowId, version };
      const before = await lockVersioned(tx, target);
      if (before.identity_revealed === true) {
        throw stateConflict('ALREADY_REVEALED', `该党员已于 ${before.revealed_on as string} 亮明身份`, `This member's identity was recorded as revealed on ${before.revealed_on as string} already.`);
      }
      if (before.stage !== 'PROBATIONARY' && before.stage !== 'FULL') {
        throw stateConflict(
          'NOT_A_MEMBER',
          `只有预备党员和正式党员才能亮明党员身份；该人员目前是“${STAGE_ZH[before.stage as string]}”`,
          `Only probationary and full members reveal a Party identity; this person is at stage ${before.stage as string}.`,
        );
      }
      const issues = checkDate(['on'], on, { label: { zh: '亮明身份日期', en: 'date the identity was revealed' }, required: true, notAfter: todayInShanghai(), notBefore: EARLIEST_BIRTH });
      const admitted = before.probationary_on as string;
      if (issues.length === 0 && on < admitted) {
        issues.push(
          issue(
            ['on'],
            'DATES_OUT_OF_ORDER',
            `亮明身份日期（${on}）早于接收为预备党员日期（${admitted}）`,
            `The date the identity was revealed (${on}) is before the date admitted as probationary member (${admitted}).`,
          ),
        );
      }
      refuseIfAny(issues);
      const after = await updateVersioned(tx, target, { identity_revealed: true, revealed_on: on, updated_at: raw('now()') });
      await audit(tx, ctx, { operation, nodeType: 'PartyMember', nodeId: rowId, before, after, redact: PERSONAL_COLUMNS });
    });
    return { partyMember: required(await ctx.loaders.partyMember.byId.load(rowId), 'PartyMember', rowId) };
  }

  @Mutation(() => PartyMemberPayload, {
    description:
      'Transfers a member’s organizational relation from a ledger (三个台账) into a Party organization (组织关系转接), dated `transferredOn` (not before the ledger date, not in the future). The Party organization must stand that day and cover the member’s organization. CONFLICT when the member is not in a ledger or was transferred already.',
  })
  async transferPartyMember(
    @Arg('id', () => ID, { description: 'The member’s id.' }) id: string,
    @Arg('version', () => Int, { description: 'The version the change was made on (PartyMember.version).' }) version: number,
    @Arg('partyOrganizationId', () => ID, { description: 'The Party organization receiving the relation.' }) partyOrganizationId: string,
    @Arg('transferredOn', () => LocalDate, { description: 'Date of the transfer (转接日期).' }) transferredOn: string,
    @Ctx() ctx: Context,
  ): Promise<PartyMemberPayload> {
    const operation = 'transferPartyMember';
    const rowId = targetRowId(id, 'PartyMember', LABEL);
    await runMutation(ctx, operation, async (tx) => {
      const target = { table: 'party_member', nodeType: 'PartyMember', id: rowId, version };
      const before = await lockVersioned(tx, target);
      if (before.transferred_on !== null) {
        throw stateConflict(
          'ALREADY_TRANSFERRED',
          `该党员的组织关系已于 ${before.transferred_on as string} 从台账转入党组织`,
          `This member's relation was transferred from the ledger on ${before.transferred_on as string} already.`,
        );
      }
      if (!isLedger(before.relation_holder as RelationHolder)) {
        throw stateConflict(
          'NOT_IN_LEDGER',
          '该人员的组织关系不在三个台账（市人事代理党委、区县人才服务中心、社区）中，无需转接',
          "This person's relation is not in one of the three ledgers (personnel agency, talent centre, community), so there is nothing to transfer.",
        );
      }
      const issues = checkDate(['transferredOn'], transferredOn, { label: { zh: '转接日期', en: 'transfer date' }, required: true, notAfter: todayInShanghai(), notBefore: EARLIEST_BIRTH });
      const ledgerSince = before.ledger_since as string;
      if (issues.length === 0 && transferredOn < ledgerSince) {
        issues.push(
          issue(
            ['transferredOn'],
            'DATES_OUT_OF_ORDER',
            `转接日期（${transferredOn}）早于纳入台账日期（${ledgerSince}）`,
            `The transfer date (${transferredOn}) is before the date entered in the ledger (${ledgerSince}).`,
          ),
        );
      }
      let held: number | null = null;
      if (issues.length === 0) {
        held = await holdingPartyOrganization(tx, ['partyOrganizationId'], partyOrganizationId, before.organization_id as number, transferredOn, issues);
      } else {
        const found = await referencedRow(tx, ['partyOrganizationId'], partyOrganizationId, HOLDING_PARTY_ORGANIZATION);
        if (found.issue) issues.push(found.issue);
      }
      refuseIfAny(issues);
      const after = await updateVersioned(tx, target, {
        relation_holder: 'PARTY_ORGANIZATION',
        party_organization_id: held,
        transferred_on: transferredOn,
        updated_at: raw('now()'),
      });
      await audit(tx, ctx, { operation, nodeType: 'PartyMember', nodeId: rowId, before, after, redact: PERSONAL_COLUMNS });
    });
    return { partyMember: required(await ctx.loaders.partyMember.byId.load(rowId), 'PartyMember', rowId) };
  }
}
