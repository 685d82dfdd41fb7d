import {
  checkDate,
  checkKindForSize,
  checkText,
  FULL_MEMBERS_FOR_ORGANIZATION,
  issue,
  recommendedKind,
  STARTUP_FUND_FEN,
  todayInShanghai,
  type FieldLabel,
  type Issue,
  type IssuePath,
} from '@liangxin/domain';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { ConflictError } from '../../errors/conflict.error.js';
import { targetRowId } from '../../mutation/arguments.js';
import {
  areaWithin,
  audit,
  BUILDING,
  BUSINESS_DISTRICT,
  insertRow,
  lockVersioned,
  notStandingIssue,
  ORGANIZATION,
  PARK,
  PARTY_ORGANIZATION,
  referencedRow,
  refuseIfAny,
  runMutation,
  STREET,
  updateVersioned,
  type ReferenceKind,
  type RowJson,
  type Tx,
} from '../../mutation/index.js';
import { toGlobalId } from '../../relay/cursor.js';
import { raw } from '../../sql/fragment.js';
import { PartyOrganizationAnchor, PartyOrganizationFormation, PartyOrganizationKind } from '../enums.js';
import { FundEntry } from '../fund/fund-entry.entity.js';
import { required } from '../required.js';
import { LocalDate } from '../scalars.js';
import { PartyOrganization } from './party-organization.entity.js';

/*
 * setUpPartyOrganization, dissolvePartyOrganization, updatePartyOrganization (issue 5). Written
 * as src/mutation/README.md says: validate everything, refuse with every issue at once, then the
 * state conflicts, then write and audit — in one transaction. The rules chosen are in
 * docs/mutations.md ("Party organization mutations").
 */

/** No startup entitlement can be dated earlier (fund_entry.year is 2000–2100); older ones are imported. */
export const EARLIEST_ESTABLISHMENT = '2000-01-01';

const LABEL = { zh: '党组织', en: 'Party organization' } as const;

const PARTY_MEMBER: ReferenceKind = { typeName: 'PartyMember', table: 'party_member', label: { zh: '党员', en: 'Party member' } };

/** The node each anchor names, by the GraphQL type its id must have. */
const ANCHOR_KINDS: Record<Exclude<PartyOrganizationAnchor, 'INDUSTRY'>, ReferenceKind> = {
  ORGANIZATION,
  PARK,
  BUILDING,
  BUSINESS_DISTRICT,
  STREET,
  AREA: { typeName: 'Area', table: 'area', label: { zh: '区划', en: 'area' } },
};

const ANCHOR_LABELS: Record<PartyOrganizationAnchor, FieldLabel> = {
  ORGANIZATION: { zh: '组织', en: 'organization' },
  PARK: { zh: '园区', en: 'park' },
  BUILDING: { zh: '楼宇', en: 'building' },
  BUSINESS_DISTRICT: { zh: '商圈/市场', en: 'business district or market' },
  STREET: { zh: '街道', en: 'street' },
  INDUSTRY: { zh: '行业', en: 'industry' },
  AREA: { zh: '区划', en: 'area' },
};

const NAME_RULE = { label: { zh: '党组织名称', en: 'name of the Party organization' }, max: 200, required: true } as const;
const ESTABLISHED_LABEL = { zh: '成立日期', en: 'date of establishment' } as const;

/** Where each constraint's value comes from in the input, for the database's safety net. */
const CONSTRAINT_PATHS = {
  party_organization_name_check: ['input', 'name'],
  party_organization_parent_id_fkey: ['input', 'parent'],
  party_organization_no_cycle: ['input', 'parent'],
  party_organization_secretary_fk: ['input', 'secretary'],
  party_organization_coverage_pkey: ['input', 'coveredOrganizations'],
  fund_entry_startup_entitled_unique: ['input'],
} as const;

@InputType('SetUpPartyOrganizationInput', {
  description:
    'A new Party organization (成立党组织): standalone in one organization with 3+ full members there, or joint over several organizations with 3+ full members together (Party Constitution art. 30).',
})
export class SetUpPartyOrganizationInput {
  @Field(() => String, { description: 'Name (党组织名称), at most 200 characters; surrounding spaces are removed.' })
  name: string;

  @Field(() => PartyOrganizationFormation, { description: 'STANDALONE (单独组建) in one organization, or JOINT (联合组建) over several.' })
  formation: PartyOrganizationFormation;

  @Field(() => PartyOrganizationKind, {
    nullable: true,
    description:
      'Committee, general branch or branch. Default: the kind its size calls for (BRANCH for 3–50 Party members, GENERAL_BRANCH for 51–99, COMMITTEE from 100); a kind given is checked against the size.',
  })
  kind?: PartyOrganizationKind | null;

  @Field(() => PartyOrganizationAnchor, {
    nullable: true,
    description:
      'What it is anchored on (依托). STANDALONE: ORGANIZATION (the default). JOINT: PARK, BUILDING, BUSINESS_DISTRICT, STREET, INDUSTRY, AREA, or ORGANIZATION for a joint one hosted by one of its organizations.',
  })
  anchor?: PartyOrganizationAnchor | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The object it is anchored on: an Organization, Park, Building or BusinessDistrict id, or an Area id (a street for STREET; a district or the city for AREA). Not for INDUSTRY.',
  })
  anchoredOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Industry section letter A–T (GB/T 4754), for anchor INDUSTRY only.' })
  industry?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The area it belongs to (所属区划), an Area id. Default: the anchor’s street or area. Required for an INDUSTRY committee; otherwise it must be the anchor’s area or one above it.',
  })
  area?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'The organizations it covers (覆盖的组织), Organization ids. STANDALONE: its own organization (the default; nothing else). JOINT: two or more, all in the anchor (the building, park, business district, street, area or industry).',
  })
  coveredOrganizations?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'The Party organization one level up (上级党组织), standing on establishedOn.' })
  parent?: string | null;

  @Field(() => LocalDate, { description: 'Date established (成立日期): not in the future, not before 2000-01-01.' })
  establishedOn: string;

  @Field(() => ID, { nullable: true, description: 'Its secretary (书记): a full Party member working in one of the covered organizations.' })
  secretary?: string | null;
}

@InputType('UpdatePartyOrganizationInput', {
  description: 'Changes to a Party organization (修改党组织). Only the fields given change; null clears parent or secretary.',
})
export class UpdatePartyOrganizationInput {
  @Field(() => String, { nullable: true, description: 'Name (党组织名称).' })
  name?: string | null;

  @Field(() => ID, { nullable: true, description: 'The Party organization one level up, or null: none. It can never be one of its own descendants.' })
  parent?: string | null;

  @Field(() => ID, { nullable: true, description: 'Its secretary, or null: none. A full member working in an organization it covers.' })
  secretary?: string | null;
}

@ObjectType('SetUpPartyOrganizationPayload', { description: 'The Party organization set up, and its startup-fund entitlement.' })
export class SetUpPartyOrganizationPayload {
  @Field(() => PartyOrganization, { description: 'The new Party organization, as stored (version 1).' })
  partyOrganization: PartyOrganization;

  @Field(() => FundEntry, { description: 'Its startup-fund entitlement (启动经费应拨): 2,000 CNY (200,000 fen), dated establishedOn.' })
  startupFund: FundEntry;
}

@ObjectType('DissolvePartyOrganizationPayload', { description: 'The Party organization dissolved.' })
export class DissolvePartyOrganizationPayload {
  @Field(() => PartyOrganization, { description: 'The Party organization, with dissolvedOn and its new version. It covers nothing from that day.' })
  partyOrganization: PartyOrganization;
}

@ObjectType('UpdatePartyOrganizationPayload', { description: 'The Party organization changed.' })
export class UpdatePartyOrganizationPayload {
  @Field(() => PartyOrganization, { description: 'The Party organization as stored now, with its new version.' })
  partyOrganization: PartyOrganization;
}

// ---------------------------------------------------------------------------------------------
// Rules shared with the Party member mutations (whether a Party organization stands on a date is
// src/mutation/standing.ts).

/** Whether the Party organization covers the organization on `date` (an edge with since ≤ date < until). */
export async function coversOn(tx: Tx, partyOrganizationId: number, organizationId: number, date: string): Promise<boolean> {
  const rows = (await tx.query(
    `SELECT 1 FROM party_organization_coverage
      WHERE party_organization_id = $1 AND organization_id = $2 AND since <= $3 AND (until IS NULL OR until > $3)`,
    [partyOrganizationId, organizationId, date],
  )) as unknown[];
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------

/** Ancestors of a Party organization, nearest first, including itself (the cycle check walks these). */
async function selfAndAncestors(tx: Tx, id: number): Promise<{ id: number; name: string }[]> {
  return (await tx.query(
    `WITH RECURSIVE up(id, parent_id, name, depth) AS (
       SELECT id, parent_id, name, 0 FROM party_organization WHERE id = $1
       UNION ALL
       SELECT p.id, p.parent_id, p.name, up.depth + 1 FROM party_organization p JOIN up ON p.id = up.parent_id WHERE up.depth < 100
     )
     SELECT id, name FROM up ORDER BY depth`,
    [id],
  )) as { id: number; name: string }[];
}

/** Full members (正式党员) and Party members (预备 + 正式) employed in the organizations on `date`. */
async function sizeOn(tx: Tx, organizationIds: number[], date: string): Promise<{ full: number; members: number }> {
  const [row] = (await tx.query(
    `SELECT count(*) FILTER (WHERE stage = 'FULL' AND full_on <= $2)::int AS full,
            count(*) FILTER (WHERE stage IN ('PROBATIONARY', 'FULL') AND probationary_on <= $2)::int AS members
       FROM party_member
      WHERE organization_id = ANY($1::int[]) AND employed_since <= $2`,
    [organizationIds, date],
  )) as { full: number; members: number }[];
  return row ?? { full: 0, members: 0 };
}

/** The issue when a secretary is not a full member working in one of the organizations on `date`. */
function secretaryIssue(path: IssuePath, member: RowJson, organizationIds: number[], date: string): Issue | null {
  const fullOn = (member.full_on as string | null) ?? null;
  if (member.stage !== 'FULL' || fullOn === null || fullOn > date) {
    return issue(path, 'NOT_FULL_MEMBER', `书记应为正式党员，该人员在 ${date} 时不是正式党员`, `The secretary must be a full Party member; this person was not one on ${date}.`);
  }
  if (!organizationIds.includes(member.organization_id as number)) {
    return issue(
      path,
      'NOT_IN_COVERED_ORGANIZATION',
      '书记应为所覆盖组织中的正式党员，该党员不在这些组织工作',
      'The secretary must be a full member working in one of the organizations it covers; this member works elsewhere.',
    );
  }
  return null;
}

/** The organizations a Party organization covers now (open edges), for the secretary check of an update. */
async function coveredNow(tx: Tx, partyOrganizationId: number): Promise<number[]> {
  const rows = (await tx.query('SELECT organization_id FROM party_organization_coverage WHERE party_organization_id = $1 AND until IS NULL', [
    partyOrganizationId,
  ])) as { organization_id: number }[];
  return rows.map((r) => r.organization_id);
}

interface Anchoring {
  anchor: PartyOrganizationAnchor | null;
  row: RowJson | null;
  industry: string | null;
  /** The area the anchor lies in (the default area of the Party organization), if it has one. */
  areaId: number | null;
}

/** The anchor, its object and its area, with the issues of the anchor fields. */
async function anchoringOf(tx: Tx, input: SetUpPartyOrganizationInput, issues: Issue[]): Promise<Anchoring> {
  const at = (field: string): IssuePath => ['input', field];
  const formation = input.formation;
  const anchor = input.anchor ?? (formation === 'STANDALONE' ? 'ORGANIZATION' : null);
  const none: Anchoring = { anchor: null, row: null, industry: null, areaId: null };
  if (anchor === null) {
    issues.push(
      issue(
        at('anchor'),
        'REQUIRED',
        '联合组建的党组织须写明依托：园区、楼宇、商圈/市场、街道、行业或区划',
        'A joint Party organization is anchored on something: choose a park, building, business district, street, industry or area.',
      ),
    );
    return none;
  }
  if (formation === 'STANDALONE' && anchor !== 'ORGANIZATION') {
    issues.push(
      issue(
        at('anchor'),
        'STANDALONE_ANCHOR',
        `单独组建的党组织建在一个组织内，依托应为“组织”，不能依托${ANCHOR_LABELS[anchor].zh}；依托${ANCHOR_LABELS[anchor].zh}的应联合组建`,
        `A standalone Party organization is set up inside one organization, so its anchor is ORGANIZATION; one anchored on a ${ANCHOR_LABELS[anchor].en} is a joint one.`,
      ),
    );
    return none;
  }
  if (anchor === 'INDUSTRY') {
    if (input.anchoredOn != null) {
      issues.push(issue(at('anchoredOn'), 'NOT_APPLICABLE', '行业党委依托行业，不依托具体对象；请改填行业门类', 'An industry committee is anchored on an industry, not on an object: give `industry` instead.'));
    }
    const industry = input.industry?.trim().toUpperCase() ?? '';
    if (industry === '') {
      issues.push(issue(at('industry'), 'REQUIRED', '行业党委须填写行业门类（A 至 T）', 'An industry committee needs its industry section (a letter A–T).'));
      return { ...none, anchor };
    }
    if (!/^[A-T]$/.test(industry)) {
      issues.push(
        issue(at('industry'), 'UNKNOWN_INDUSTRY', '行业门类应为《国民经济行业分类》的门类字母 A 至 T', 'The industry must be a GB/T 4754 section letter from A to T.'),
      );
      return { ...none, anchor };
    }
    return { anchor, row: null, industry, areaId: null };
  }
  if (input.industry != null) {
    issues.push(issue(at('industry'), 'NOT_APPLICABLE', '只有行业党委才填写行业门类', 'Only an industry committee (anchor INDUSTRY) has an industry.'));
  }
  const kind = ANCHOR_KINDS[anchor];
  if (input.anchoredOn == null || input.anchoredOn.trim() === '') {
    issues.push(issue(at('anchoredOn'), 'REQUIRED', `请填写所依托的${kind.label.zh}`, `Name the ${kind.label.en} it is anchored on.`));
    return { ...none, anchor };
  }
  const found = await referencedRow(tx, at('anchoredOn'), input.anchoredOn, kind);
  if (found.issue) {
    issues.push(found.issue);
    return { ...none, anchor };
  }
  const row = found.row;
  const name = row.name as string;
  if (anchor === 'STREET' && row.level !== 'STREET') {
    issues.push(issue(at('anchoredOn'), 'NOT_A_STREET', `“${name}”不是街道（镇），街道综合党委应依托街道`, `"${name}" is not a street or town; a street committee is anchored on a street.`));
    return { ...none, anchor };
  }
  if (anchor === 'AREA' && row.level !== 'DISTRICT' && row.level !== 'CITY') {
    issues.push(
      issue(
        at('anchoredOn'),
        'NOT_A_DISTRICT',
        `“${name}”不是区县或市，依托区划的党委应依托区县或市（依托街道的请选“街道”）`,
        `"${name}" is not a district or the city; an area committee is anchored on a district or the city (for a street, use anchor STREET).`,
      ),
    );
    return { ...none, anchor };
  }
  const areaId =
    anchor === 'ORGANIZATION' || anchor === 'BUILDING' || anchor === 'BUSINESS_DISTRICT'
      ? (row.street_id as number)
      : anchor === 'PARK'
        ? (row.area_id as number)
        : (row.id as number);
  return { anchor, row, industry: null, areaId };
}

/** Whether the organization lies in the anchor of a joint Party organization (its building, park, street, area or industry). */
async function inAnchor(tx: Tx, anchoring: Anchoring, areaId: number | null, organization: RowJson): Promise<boolean> {
  const { anchor, row } = anchoring;
  switch (anchor) {
    case 'PARK':
      return organization.park_id === row!.id;
    case 'BUILDING':
      return organization.building_id === row!.id;
    case 'BUSINESS_DISTRICT':
      return organization.business_district_id === row!.id;
    case 'STREET':
      return organization.street_id === row!.id;
    case 'AREA':
      return areaWithin(tx, organization.street_id as number, row!.id as number);
    case 'INDUSTRY':
      return organization.industry === anchoring.industry && (areaId === null || (await areaWithin(tx, organization.street_id as number, areaId)));
    default:
      return true;
  }
}

function anchorName(anchoring: Anchoring): string {
  return anchoring.anchor === 'INDUSTRY' ? `industry ${anchoring.industry}` : `"${anchoring.row?.name as string}"`;
}

function anchorNameZh(anchoring: Anchoring): string {
  return anchoring.anchor === 'INDUSTRY' ? `行业门类 ${anchoring.industry}` : `“${anchoring.row?.name as string}”`;
}

@Resolver()
export class PartyOrganizationMutations {
  @Mutation(() => SetUpPartyOrganizationPayload, {
    description:
      'Sets up a Party organization (成立党组织): the Party organization, its coverage edges (since establishedOn) and its 2,000 CNY startup-fund entitlement, with audit entries, in one transaction. Refused with BAD_USER_INPUT listing every problem (too few full members: at input.coveredOrganizations; a kind unsuited to the size: at input.kind), or CONFLICT when the organization already has a standing standalone Party organization (extensions.existingId).',
  })
  async setUpPartyOrganization(
    @Arg('input', () => SetUpPartyOrganizationInput, { description: 'The Party organization to set up.' }) input: SetUpPartyOrganizationInput,
    @Ctx() ctx: Context,
  ): Promise<SetUpPartyOrganizationPayload> {
    const operation = 'setUpPartyOrganization';
    const ids = await runMutation(
      ctx,
      operation,
      async (tx) => {
        const today = todayInShanghai();
        const at = (...path: (string | number)[]): IssuePath => ['input', ...path];
        const issues: Issue[] = [];
        issues.push(...checkText(at('name'), input.name, NAME_RULE));
        const dateIssues = checkDate(at('establishedOn'), input.establishedOn, {
          label: ESTABLISHED_LABEL,
          required: true,
          notAfter: today,
          notBefore: EARLIEST_ESTABLISHMENT,
        });
        issues.push(...dateIssues);
        const establishedOn = input.establishedOn;
        const dateOk = dateIssues.length === 0;

        const anchoring = await anchoringOf(tx, input, issues);
        const { anchor } = anchoring;

        // The area: derived from the anchor; an INDUSTRY committee names it.
        let areaId = anchoring.areaId;
        if (input.area != null) {
          const found = await referencedRow(tx, at('area'), input.area, { typeName: 'Area', table: 'area', label: { zh: '所属区划', en: 'area' } });
          if (found.issue) issues.push(found.issue);
          else if (areaId !== null && !(await areaWithin(tx, areaId, found.row.id as number))) {
            issues.push(
              issue(
                at('area'),
                'NOT_CONTAINING',
                `所属区划“${found.row.name as string}”不包含所依托的${ANCHOR_LABELS[anchor!].zh}`,
                `The area "${found.row.name as string}" does not contain the ${ANCHOR_LABELS[anchor!].en} it is anchored on.`,
              ),
            );
          } else areaId = found.row.id as number;
        } else if (anchor === 'INDUSTRY') {
          issues.push(issue(at('area'), 'REQUIRED', '行业党委须填写所属区划（区县或市）', 'An industry committee needs its area (a district or the city).'));
        }

        // The covered organizations.
        const formation = input.formation;
        const given = input.coveredOrganizations ?? null;
        const covered: RowJson[] = [];
        const paths: IssuePath[] = [];
        if (formation === 'STANDALONE') {
          const own = anchor === 'ORGANIZATION' ? anchoring.row : null;
          if (given !== null && (given.length !== 1 || (own !== null && given[0]?.trim() !== input.anchoredOn?.trim()))) {
            issues.push(
              issue(
                at('coveredOrganizations'),
                'STANDALONE_COVERS_OWN',
                '单独组建的党组织只覆盖本组织；覆盖多个组织的应联合组建',
                'A standalone Party organization covers its own organization only; one covering several organizations is a joint one.',
              ),
            );
          } else if (own !== null) {
            covered.push(own);
            paths.push(at('anchoredOn'));
          }
        } else if (given === null || given.length < 2) {
          issues.push(
            issue(
              at('coveredOrganizations'),
              'JOINT_NEEDS_TWO',
              `联合组建的党组织应覆盖2个以上组织，当前${given?.length ?? 0}个；只有一个组织的应单独组建（须有3名以上正式党员）`,
              `A joint Party organization covers two or more organizations; ${given?.length ?? 0} given. One organization alone sets up a standalone Party organization (it needs 3 or more full members).`,
            ),
          );
        }
        if (formation === 'JOINT' && given !== null && given.length >= 2) {
          const seen = new Map<number, number>();
          for (const [i, value] of given.entries()) {
            const path = at('coveredOrganizations', i);
            const found = await referencedRow(tx, path, value, ORGANIZATION);
            if (found.issue) {
              issues.push(found.issue);
              continue;
            }
            const organization = found.row;
            const id = organization.id as number;
            const name = organization.name as string;
            if (seen.has(id)) {
              issues.push(
                issue(path, 'DUPLICATE', `组织“${name}”重复列出（另见第${seen.get(id)! + 1}项）`, `The organization "${name}" is listed twice (also item ${seen.get(id)! + 1}).`),
              );
              continue;
            }
            seen.set(id, i);
            covered.push(organization);
            paths.push(path);
            if (anchor !== null && anchor !== 'ORGANIZATION' && (anchoring.row !== null || anchoring.industry !== null) && !(await inAnchor(tx, anchoring, areaId, organization))) {
              issues.push(
                issue(
                  path,
                  'NOT_IN_ANCHOR',
                  `组织“${name}”不在${anchorNameZh(anchoring)}，联合组建应与同一依托内的单位联合`,
                  `The organization "${name}" is not in ${anchorName(anchoring)}; a joint Party organization joins units of the same anchor.`,
                ),
              );
            }
          }
          if (anchor === 'ORGANIZATION' && anchoring.row !== null && !seen.has(anchoring.row.id as number)) {
            issues.push(
              issue(
                at('anchoredOn'),
                'HOST_NOT_COVERED',
                '依托的组织应是所覆盖的组织之一',
                'The organization it is anchored on must be one of the organizations it covers.',
              ),
            );
          }
        }
        // Each covered organization exists on establishedOn.
        if (dateOk) {
          for (const [i, organization] of covered.entries()) {
            const path = paths[i]!;
            const name = organization.name as string;
            const deregistered = (organization.deregistered_on as string | null) ?? null;
            if (deregistered !== null && deregistered <= establishedOn) {
              issues.push(
                issue(
                  path,
                  'DEREGISTERED',
                  `组织“${name}”已于 ${deregistered} 注销，不能为其成立党组织`,
                  `The organization "${name}" was deregistered on ${deregistered}; no Party organization can be set up for it.`,
                ),
              );
            } else if ((organization.registered_on as string) > establishedOn) {
              issues.push(
                issue(
                  path,
                  'NOT_YET_REGISTERED',
                  `组织“${name}”登记于 ${organization.registered_on as string}，晚于党组织成立日期（${establishedOn}）`,
                  `The organization "${name}" was registered on ${organization.registered_on as string}, after the date of establishment (${establishedOn}).`,
                ),
              );
            }
          }
        }

        // The parent and the secretary.
        let parentId: number | null = null;
        if (input.parent != null) {
          const found = await referencedRow(tx, at('parent'), input.parent, { ...PARTY_ORGANIZATION, label: { zh: '上级党组织', en: 'parent Party organization' } });
          if (found.issue) issues.push(found.issue);
          else {
            parentId = found.row.id as number;
            const standing = dateOk ? notStandingIssue(at('parent'), found.row, establishedOn) : null;
            if (standing) issues.push(standing);
          }
        }
        let secretaryId: number | null = null;
        if (input.secretary != null) {
          const found = await referencedRow(tx, at('secretary'), input.secretary, { ...PARTY_MEMBER, label: { zh: '书记', en: 'secretary' } });
          if (found.issue) issues.push(found.issue);
          else {
            secretaryId = found.row.id as number;
            const wrong = dateOk ? secretaryIssue(at('secretary'), found.row, covered.map((o) => o.id as number), establishedOn) : null;
            if (wrong) issues.push(wrong);
          }
        }
        refuseIfAny(issues);

        // The Party Constitution's threshold, then the kind for the size, on establishedOn.
        const organizationIds = covered.map((o) => o.id as number);
        const size = await sizeOn(tx, organizationIds, establishedOn);
        if (size.full < FULL_MEMBERS_FOR_ORGANIZATION) {
          const path = at('coveredOrganizations');
          issues.push(
            formation === 'STANDALONE'
              ? issue(
                  path,
                  'TOO_FEW_MEMBERS',
                  `单独组建党组织须有3名以上正式党员（《中国共产党章程》第三十条）；“${covered[0]!.name as string}”在 ${establishedOn} 只有${size.full}名正式党员，应与同一楼宇、园区、商圈或街道的单位联合组建`,
                  `A Party organization set up in one organization needs 3 or more full Party members (Party Constitution, art. 30); on ${establishedOn} "${covered[0]!.name as string}" has ${size.full}. Set up a joint Party organization with neighbouring units in the same building, park, business district or street.`,
                )
              : issue(
                  path,
                  'TOO_FEW_MEMBERS',
                  `联合组建党组织须共有3名以上正式党员（《中国共产党章程》第三十条）；所列${covered.length}个组织在 ${establishedOn} 共有${size.full}名正式党员，请增加联合的单位`,
                  `A joint Party organization needs 3 or more full Party members together (Party Constitution, art. 30); on ${establishedOn} the ${covered.length} organizations listed have ${size.full}. Join more units.`,
                ),
          );
        }
        let kind = input.kind ?? null;
        if (issues.length === 0) {
          if (kind === null) kind = recommendedKind(size.members) as PartyOrganizationKind;
          else {
            const check = checkKindForSize(kind, size.members);
            if (!check.ok) issues.push(issue(at('kind'), 'KIND_FOR_SIZE', check.message.zh, check.message.en));
          }
        }
        refuseIfAny(issues);

        // A second standalone Party organization in one organization: the first must be dissolved first.
        if (formation === 'STANDALONE') {
          const [holder] = (await tx.query(
            `SELECT id, name FROM party_organization
              WHERE anchor = 'ORGANIZATION' AND formation = 'STANDALONE' AND organization_id = $1
                AND (dissolved_on IS NULL OR dissolved_on > $2)
              ORDER BY id LIMIT 1`,
            [organizationIds[0], establishedOn],
          )) as { id: number; name: string }[];
          if (holder) {
            const existingId = toGlobalId('PartyOrganization', holder.id);
            const en = `"${covered[0]!.name as string}" already has its own Party organization, "${holder.name}" (${existingId}); dissolve it before setting up another.`;
            throw new ConflictError(en, {
              constraint: 'standalone_per_organization',
              localizedMessage: {
                zh: `“${covered[0]!.name as string}”已单独组建党组织“${holder.name}”（${existingId}），须先撤销原党组织才能另行组建`,
                en,
              },
              details: { reason: 'ALREADY_HAS_PARTY_ORGANIZATION', field: ['input', 'anchoredOn'], existingId },
            });
          }
        }

        const row = anchoring.row;
        const after = await insertRow(tx, 'party_organization', {
          name: input.name.trim(),
          kind,
          formation,
          anchor,
          area_id: areaId,
          organization_id: anchor === 'ORGANIZATION' ? row!.id : null,
          park_id: anchor === 'PARK' ? row!.id : null,
          building_id: anchor === 'BUILDING' ? row!.id : null,
          business_district_id: anchor === 'BUSINESS_DISTRICT' ? row!.id : null,
          industry: anchoring.industry,
          parent_id: parentId,
          established_on: establishedOn,
          secretary_member_id: secretaryId,
        });
        const nodeId = after.id as number;
        await audit(tx, ctx, { operation, nodeType: 'PartyOrganization', nodeId, before: null, after: { ...after, _covered_organization_ids: organizationIds } });
        for (const organizationId of organizationIds) {
          const edge = await insertRow(tx, 'party_organization_coverage', { party_organization_id: nodeId, organization_id: organizationId, since: establishedOn });
          await audit(tx, ctx, { operation, nodeType: 'PartyOrganizationCoverage', nodeId, before: null, after: edge });
        }
        const fund = await insertRow(tx, 'fund_entry', {
          fund: 'STARTUP',
          entry: 'ENTITLED',
          area_id: areaId,
          party_organization_id: nodeId,
          year: Number(establishedOn.slice(0, 4)),
          amount_fen: STARTUP_FUND_FEN,
          entered_on: establishedOn,
          note: '新建党组织启动经费',
        });
        await audit(tx, ctx, { operation, nodeType: 'Fund', nodeId: fund.id as number, before: null, after: fund });
        return { partyOrganizationId: nodeId, fundId: fund.id as number };
      },
      { constraintPaths: CONSTRAINT_PATHS },
    );
    return {
      partyOrganization: required(await ctx.loaders.partyOrganization.byId.load(ids.partyOrganizationId), 'PartyOrganization', ids.partyOrganizationId),
      startupFund: required(await ctx.loaders.fund.byId.load(ids.fundId), 'Fund', ids.fundId),
    };
  }

  @Mutation(() => DissolvePartyOrganizationPayload, {
    description:
      'Dissolves a Party organization (撤销党组织): from `dissolvedOn` it covers nothing (its coverage edges end that day). CONFLICT when it is already dissolved, still has standing Party organizations under it, or `version` is stale. Writes audit entries for it and each edge ended, with the reason.',
  })
  async dissolvePartyOrganization(
    @Arg('id', () => ID, { description: 'The Party organization’s id.' }) id: string,
    @Arg('version', () => Int, { description: 'The version the change was made on (PartyOrganization.version).' }) version: number,
    @Arg('dissolvedOn', () => LocalDate, { description: 'Date dissolved (撤销日期): not before it was established, not in the future.' }) dissolvedOn: string,
    @Arg('reason', () => String, { nullable: true, description: 'Why (撤销原因), at most 500 characters; kept in the audit trail.' }) reason: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<DissolvePartyOrganizationPayload> {
    const operation = 'dissolvePartyOrganization';
    const rowId = targetRowId(id, 'PartyOrganization', LABEL);
    await runMutation(ctx, operation, async (tx) => {
      const target = { table: 'party_organization', nodeType: 'PartyOrganization', id: rowId, version };
      const before = await lockVersioned(tx, target);
      if (before.dissolved_on !== null) {
        const en = `This Party organization was already dissolved on ${before.dissolved_on as string}.`;
        throw new ConflictError(en, {
          constraint: 'dissolved_on',
          localizedMessage: { zh: `该党组织已于 ${before.dissolved_on as string} 撤销`, en },
          details: { reason: 'ALREADY_DISSOLVED' },
        });
      }
      const issues = [
        ...checkDate(['dissolvedOn'], dissolvedOn, { label: { zh: '撤销日期', en: 'date of dissolution' }, required: true, notAfter: todayInShanghai() }),
        ...checkText(['reason'], reason, { label: { zh: '撤销原因', en: 'reason' }, max: 500, required: false }),
      ];
      const established = before.established_on as string;
      if (issues.length === 0 && dissolvedOn < established) {
        issues.push(
          issue(
            ['dissolvedOn'],
            'DATES_OUT_OF_ORDER',
            `撤销日期（${dissolvedOn}）早于成立日期（${established}），党组织不能在成立前撤销`,
            `The date of dissolution (${dissolvedOn}) is before the date of establishment (${established}); a Party organization cannot be dissolved before it was established.`,
          ),
        );
      }
      refuseIfAny(issues);
      const [child] = (await tx.query(
        `SELECT id, name FROM party_organization WHERE parent_id = $1 AND (dissolved_on IS NULL OR dissolved_on > $2) ORDER BY id LIMIT 1`,
        [rowId, dissolvedOn],
      )) as { id: number; name: string }[];
      if (child) {
        const existingId = toGlobalId('PartyOrganization', child.id);
        const en = `Party organizations still stand under this one, e.g. "${child.name}" (${existingId}); dissolve them or move them to another parent first.`;
        throw new ConflictError(en, {
          constraint: 'parent_id',
          localizedMessage: { zh: `该党组织下仍有未撤销的下级党组织，如“${child.name}”（${existingId}），请先撤销或调整其隶属关系`, en },
          details: { reason: 'HAS_STANDING_CHILDREN', existingId },
        });
      }
      // The trigger ends the coverage edges; they are read before and after so each is audited.
      const edges = (await tx.query(
        `SELECT to_jsonb(c) AS row FROM party_organization_coverage c
          WHERE c.party_organization_id = $1 AND (c.until IS NULL OR c.until > $2) ORDER BY c.organization_id, c.since FOR UPDATE`,
        [rowId, dissolvedOn],
      )) as { row: RowJson }[];
      const after = await updateVersioned(tx, target, { dissolved_on: dissolvedOn, updated_at: raw('now()') });
      const note = reason?.trim() ? { _reason: reason.trim() } : {};
      await audit(tx, ctx, { operation, nodeType: 'PartyOrganization', nodeId: rowId, before, after: { ...after, ...note } });
      for (const { row: edgeBefore } of edges) {
        const [edgeAfter] = (await tx.query(
          `SELECT to_jsonb(c) AS row FROM party_organization_coverage c WHERE c.party_organization_id = $1 AND c.organization_id = $2 AND c.since = $3`,
          [rowId, edgeBefore.organization_id, edgeBefore.since],
        )) as { row: RowJson }[];
        await audit(tx, ctx, { operation, nodeType: 'PartyOrganizationCoverage', nodeId: rowId, before: edgeBefore, after: edgeAfter?.row ?? null });
      }
    });
    return { partyOrganization: required(await ctx.loaders.partyOrganization.byId.load(rowId), 'PartyOrganization', rowId) };
  }

  @Mutation(() => UpdatePartyOrganizationPayload, {
    description:
      'Changes a Party organization’s name, parent or secretary (修改党组织). A parent that would make it its own ancestor is refused (CYCLE). Only the fields given change; nothing changed writes nothing.',
  })
  async updatePartyOrganization(
    @Arg('id', () => ID, { description: 'The Party organization’s id.' }) id: string,
    @Arg('version', () => Int, { description: 'The version the change was made on (PartyOrganization.version).' }) version: number,
    @Arg('input', () => UpdatePartyOrganizationInput, { description: 'The fields to change.' }) input: UpdatePartyOrganizationInput,
    @Ctx() ctx: Context,
  ): Promise<UpdatePartyOrganizationPayload> {
    const operation = 'updatePartyOrganization';
    const rowId = targetRowId(id, 'PartyOrganization', LABEL);
    await runMutation(
      ctx,
      operation,
      async (tx) => {
        const target = { table: 'party_organization', nodeType: 'PartyOrganization', id: rowId, version };
        const before = await lockVersioned(tx, target);
        const today = todayInShanghai();
        const issues: Issue[] = [];
        const changes: Record<string, unknown> = {};
        if (input.name !== undefined) {
          if (input.name === null) issues.push(issue(['input', 'name'], 'REQUIRED', '党组织名称不能清空', 'The name cannot be cleared.'));
          else {
            issues.push(...checkText(['input', 'name'], input.name, NAME_RULE));
            changes.name = input.name.trim();
          }
        }
        if (input.parent !== undefined) {
          if (input.parent === null) changes.parent_id = null;
          else {
            const path = ['input', 'parent'];
            const found = await referencedRow(tx, path, input.parent, { ...PARTY_ORGANIZATION, label: { zh: '上级党组织', en: 'parent Party organization' } });
            if (found.issue) issues.push(found.issue);
            else {
              const parent = found.row;
              const chain = await selfAndAncestors(tx, parent.id as number);
              const at = chain.findIndex((p) => p.id === rowId);
              if (at === 0) {
                issues.push(issue(path, 'CYCLE', '党组织不能是自己的上级', 'A Party organization cannot be its own parent.'));
              } else if (at > 0) {
                issues.push(
                  issue(
                    path,
                    'CYCLE',
                    `“${parent.name as string}”是本党组织的下级，设为上级会使本党组织成为自己的上级`,
                    `"${parent.name as string}" lies beneath this Party organization; making it the parent would make this Party organization its own ancestor.`,
                  ),
                );
              } else {
                const standing = notStandingIssue(path, parent, today);
                if (standing) issues.push(standing);
              }
              changes.parent_id = parent.id;
            }
          }
        }
        if (input.secretary !== undefined) {
          if (input.secretary === null) changes.secretary_member_id = null;
          else {
            const path = ['input', 'secretary'];
            const found = await referencedRow(tx, path, input.secretary, { ...PARTY_MEMBER, label: { zh: '书记', en: 'secretary' } });
            if (found.issue) issues.push(found.issue);
            else {
              const wrong = secretaryIssue(path, found.row, await coveredNow(tx, rowId), today);
              if (wrong) issues.push(wrong);
              changes.secretary_member_id = found.row.id;
            }
          }
        }
        refuseIfAny(issues);
        const changed = Object.fromEntries(Object.entries(changes).filter(([column, value]) => (before[column] ?? null) !== (value ?? null)));
        if (Object.keys(changed).length === 0) return;
        const after = await updateVersioned(tx, target, { ...changed, updated_at: raw('now()') });
        await audit(tx, ctx, { operation, nodeType: 'PartyOrganization', nodeId: rowId, before, after });
      },
      { constraintPaths: CONSTRAINT_PATHS },
    );
    return { partyOrganization: required(await ctx.loaders.partyOrganization.byId.load(rowId), 'PartyOrganization', rowId) };
  }
}
