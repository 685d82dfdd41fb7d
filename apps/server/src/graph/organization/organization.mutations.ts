import {
  checkDate,
  checkText,
  issue,
  normalizeOrganizationFields,
  todayInShanghai,
  validateOrganizationFields,
  type Issue,
  type OrganizationFields,
} from '@liangxin/domain';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { BadUserInputError } from '../../errors/bad-user-input.error.js';
import { ConflictError } from '../../errors/conflict.error.js';
import {
  audit,
  BUILDING,
  BUSINESS_DISTRICT,
  insertRow,
  lockVersioned,
  PARK,
  readRow,
  referencedRow,
  refuseIfAny,
  runMutation,
  shorten,
  STREET,
  updateVersioned,
  type ReferenceKind,
  type RowJson,
  type Tx,
} from '../../mutation/index.js';
import { fromGlobalId, toGlobalId } from '../../relay/cursor.js';
import { raw } from '../../sql/fragment.js';
import { required } from '../required.js';
import { LocalDate } from '../scalars.js';
import { Organization } from './organization.entity.js';

/*
 * registerOrganization, updateOrganization, deregisterOrganization (issue 5). Written as
 * src/mutation/README.md says: validate everything (domain rules, then references), refuse with
 * every issue at once, check uniqueness, write, audit — in one transaction.
 */

const STREET_DESCRIPTION =
  'The street or town (街道 / 镇) it is located in: its 9-digit administrative division code (e.g. "370102001") or the id of an Area of level STREET.';

@InputType('RegisterOrganizationInput', { description: 'A new organization (登记两新组织). Its category follows from the credit code.' })
export class RegisterOrganizationInput {
  @Field(() => String, { description: 'Registered name (名称), at most 200 characters; surrounding spaces are removed.' })
  name: string;

  @Field(() => String, {
    description: 'Unified social credit code (统一社会信用代码), 18 characters; surrounding spaces and lower case are accepted. Must not belong to another organization.',
  })
  creditCode: string;

  @Field(() => String, { description: 'Industry section (行业门类, GB/T 4754), a letter A–T.' })
  industry: string;

  @Field(() => Int, { description: 'Number of employees (从业人员数), 0 to 1,000,000.' })
  employees: number;

  @Field(() => LocalDate, { description: 'Date registered (登记日期); not in the future.' })
  registeredOn: string;

  @Field(() => String, { description: STREET_DESCRIPTION })
  street: string;

  @Field(() => ID, { nullable: true, description: 'The industrial park (园区) it is located in: a Park id. Defaults to the building’s park.' })
  park?: string | null;

  @Field(() => ID, { nullable: true, description: 'The commercial building (楼宇) it is located in: a Building id in the same street.' })
  building?: string | null;

  @Field(() => ID, { nullable: true, description: 'The business district or market (商圈 / 市场): a BusinessDistrict id in the same street.' })
  businessDistrict?: string | null;

  @Field(() => ID, { nullable: true, description: 'Supervisory unit (业务主管单位) of a social organization: a MemberUnit id.' })
  supervisoryUnit?: string | null;

  @Field(() => String, { nullable: true, description: 'Address (地址), at most 300 characters.' })
  address?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Key organization (重点组织). Default false.' })
  isKey?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Party members declared at registration (申报党员数), 0 to 1,000,000.' })
  declaredPartyMembers?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether a Party organization was declared at registration (申报是否建有党组织).' })
  declaredHasPartyOrganization?: boolean | null;
}

@InputType('UpdateOrganizationInput', {
  description:
    'Changes to an organization (修改两新组织). Only the fields given change; null clears an optional field (park, building, address …). Deregistration has its own mutation.',
})
export class UpdateOrganizationInput {
  @Field(() => String, { nullable: true, description: 'Registered name (名称).' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Unified social credit code (统一社会信用代码), to correct a mistyped one; the category follows.' })
  creditCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Industry section (行业门类), A–T.' })
  industry?: string | null;

  @Field(() => Int, { nullable: true, description: 'Number of employees (从业人员数).' })
  employees?: number | null;

  @Field(() => LocalDate, { nullable: true, description: 'Date registered (登记日期).' })
  registeredOn?: string | null;

  @Field(() => String, { nullable: true, description: STREET_DESCRIPTION })
  street?: string | null;

  @Field(() => ID, { nullable: true, description: 'A Park id, or null: in no park.' })
  park?: string | null;

  @Field(() => ID, { nullable: true, description: 'A Building id, or null: in no building.' })
  building?: string | null;

  @Field(() => ID, { nullable: true, description: 'A BusinessDistrict id, or null: in none.' })
  businessDistrict?: string | null;

  @Field(() => ID, { nullable: true, description: 'A MemberUnit id, or null: no supervisory unit.' })
  supervisoryUnit?: string | null;

  @Field(() => String, { nullable: true, description: 'Address (地址), or null.' })
  address?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Key organization (重点组织).' })
  isKey?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Party members declared at registration (申报党员数), or null.' })
  declaredPartyMembers?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Party organization declared at registration, or null.' })
  declaredHasPartyOrganization?: boolean | null;
}

@ObjectType('RegisterOrganizationPayload', { description: 'The organization registered.' })
export class RegisterOrganizationPayload {
  @Field(() => Organization, { description: 'The new organization, as stored (version 1).' })
  organization: Organization;
}

@ObjectType('UpdateOrganizationPayload', { description: 'The organization changed.' })
export class UpdateOrganizationPayload {
  @Field(() => Organization, { description: 'The organization as stored now, with its new version.' })
  organization: Organization;
}

@ObjectType('DeregisterOrganizationPayload', { description: 'The organization deregistered.' })
export class DeregisterOrganizationPayload {
  @Field(() => Organization, { description: 'The organization, now DEREGISTERED, with its new version.' })
  organization: Organization;
}

const MEMBER_UNIT: ReferenceKind = { typeName: 'MemberUnit', table: 'member_unit', label: { zh: '业务主管单位', en: 'supervisory unit' } };

/** Where each constraint's value comes from in the input, for the database's safety net. */
const CONSTRAINT_PATHS = {
  organization_credit_code_key: ['input', 'creditCode'],
  organization_street_id_fkey: ['input', 'street'],
  organization_park_id_fkey: ['input', 'park'],
  organization_building_id_fkey: ['input', 'building'],
  organization_business_district_id_fkey: ['input', 'businessDistrict'],
  organization_supervisory_unit_id_fkey: ['input', 'supervisoryUnit'],
  organization_name_check: ['input', 'name'],
  organization_employees_check: ['input', 'employees'],
  organization_industry_check: ['input', 'industry'],
} as const;

interface Placement {
  street?: string | null;
  park?: string | null;
  building?: string | null;
  businessDistrict?: string | null;
  supervisoryUnit?: string | null;
}

/** Row ids of the places and unit an input names; undefined: not given (keep), null: cleared. */
interface PlacementIds {
  street_id?: number | null;
  park_id?: number | null;
  building_id?: number | null;
  business_district_id?: number | null;
  supervisory_unit_id?: number | null;
}

/** The stored organization's fields as the domain rules read them. */
function fieldsOf(row: RowJson): OrganizationFields {
  return {
    name: row.name as string,
    creditCode: row.credit_code as string,
    category: row.category as string,
    industry: row.industry as string,
    employees: row.employees as number,
    registeredOn: row.registered_on as string,
    deregisteredOn: (row.deregistered_on as string | null) ?? null,
    address: (row.address as string | null) ?? null,
    declaredPartyMembers: (row.declared_party_members as number | null) ?? null,
  };
}

/** A street by 9-digit code or Area id, refusing other levels. */
async function resolveStreet(tx: Tx, value: string, path: (string | number)[]): Promise<{ row: RowJson } | { issue: Issue }> {
  const trimmed = value.trim();
  let row: RowJson | null;
  if (/^[0-9]+$/.test(trimmed)) {
    if (!/^[0-9]{9}$/.test(trimmed)) {
      return {
        issue: issue(
          path,
          'NOT_A_STREET_CODE',
          `“${shorten(trimmed)}”不是街道（镇）的行政区划代码：街道代码为9位数字，例如 370102001`,
          `"${shorten(trimmed)}" is not a street code: a street (or town) has a 9-digit division code, e.g. 370102001.`,
        ),
      };
    }
    const rows = (await tx.query('SELECT to_jsonb(a) AS row FROM area a WHERE a.code = $1', [trimmed])) as { row: RowJson }[];
    row = rows[0]?.row ?? null;
    if (!row) {
      return {
        issue: issue(path, 'UNKNOWN_STREET', `没有代码为 ${trimmed} 的街道（镇）`, `There is no street or town with the code ${trimmed}.`),
      };
    }
  } else {
    const found = await referencedRow(tx, path, trimmed, STREET);
    if (found.issue) return found;
    row = found.row;
  }
  if (row.level !== 'STREET') {
    return {
      issue: issue(
        path,
        'NOT_A_STREET',
        `“${row.name as string}”不是街道（镇），请选择组织所在的街道（镇）`,
        `"${row.name as string}" is not a street or town; choose the street or town the organization is located in.`,
      ),
    };
  }
  return { row };
}

/**
 * Resolves the places and unit given in `input` and checks them against each other (a building
 * or business district lies in one street; a building may lie in a park). `current` is the
 * stored row for an update. Returns the column values to write and the issues found.
 */
async function placementOf(
  tx: Tx,
  input: Partial<Placement>,
  current: RowJson | null,
  category: string | null,
): Promise<{ ids: PlacementIds; issues: Issue[] }> {
  const issues: Issue[] = [];
  const ids: PlacementIds = {};
  const rows: { street?: RowJson; building?: RowJson; businessDistrict?: RowJson } = {};
  const at = (field: string) => ['input', field];

  if (input.street !== undefined) {
    if (input.street === null) {
      issues.push(issue(at('street'), 'REQUIRED', '请填写所在街道（镇）', 'The street or town is missing.'));
    } else {
      const found = await resolveStreet(tx, input.street, at('street'));
      if ('issue' in found) issues.push(found.issue);
      else {
        rows.street = found.row;
        ids.street_id = found.row.id as number;
      }
    }
  }
  const optional = async (field: keyof Placement, kind: ReferenceKind, column: keyof PlacementIds) => {
    const value = input[field];
    if (value === undefined) return undefined;
    if (value === null || value.trim() === '') {
      ids[column] = null;
      return undefined;
    }
    const found = await referencedRow(tx, at(field), value, kind);
    if (found.issue) {
      issues.push(found.issue);
      return undefined;
    }
    ids[column] = found.row.id as number;
    return found.row;
  };
  await optional('park', PARK, 'park_id');
  rows.building = await optional('building', BUILDING, 'building_id');
  rows.businessDistrict = await optional('businessDistrict', BUSINESS_DISTRICT, 'business_district_id');
  await optional('supervisoryUnit', MEMBER_UNIT, 'supervisory_unit_id');
  if (issues.length > 0) return { ids, issues };

  // The merged placement: what the input gives, else what is stored.
  const streetId = ids.street_id ?? (current?.street_id as number | undefined);
  const pick = (column: keyof PlacementIds) => (ids[column] !== undefined ? ids[column] : ((current?.[column] as number | null) ?? null));
  const buildingId = pick('building_id');
  const businessDistrictId = pick('business_district_id');
  let parkId = pick('park_id');

  const streetName = async (id: number) =>
    ((await tx.query('SELECT name FROM area WHERE id = $1', [id])) as { name: string }[])[0]?.name ?? String(id);
  const blame = (field: 'building' | 'businessDistrict' | 'park') => (input[field] !== undefined ? at(field) : at('street'));

  if (buildingId !== null && streetId !== undefined) {
    const building = rows.building ?? (await readRow(tx, 'building', buildingId));
    if (building && building.street_id !== streetId) {
      const name = building.name as string;
      const street = await streetName(building.street_id as number);
      issues.push(
        issue(
          blame('building'),
          'NOT_IN_STREET',
          `楼宇“${name}”位于${street}，与所填的街道（镇）不一致`,
          `The building "${name}" lies in ${street}, not in the street given.`,
        ),
      );
    }
    if (building && building.park_id !== null) {
      if (input.park === undefined && input.building !== undefined && parkId === null) {
        // A building in a park puts its organizations in that park.
        parkId = building.park_id as number;
        ids.park_id = parkId;
      } else if (parkId !== null && parkId !== building.park_id) {
        issues.push(
          issue(
            blame('park'),
            'NOT_IN_PARK',
            `楼宇“${building.name as string}”属于另一个园区，与所填的园区不一致`,
            `The building "${building.name as string}" belongs to another park than the one given.`,
          ),
        );
      }
    }
  }
  if (businessDistrictId !== null && streetId !== undefined) {
    const district = rows.businessDistrict ?? (await readRow(tx, 'business_district', businessDistrictId));
    if (district && district.street_id !== streetId) {
      const street = await streetName(district.street_id as number);
      issues.push(
        issue(
          blame('businessDistrict'),
          'NOT_IN_STREET',
          `商圈/市场“${district.name as string}”位于${street}，与所填的街道（镇）不一致`,
          `The business district "${district.name as string}" lies in ${street}, not in the street given.`,
        ),
      );
    }
  }
  const supervisoryUnitId = pick('supervisory_unit_id');
  if (supervisoryUnitId !== null && category !== null && category !== 'SOCIAL') {
    issues.push(
      issue(
        input.supervisoryUnit !== undefined ? at('supervisoryUnit') : at('creditCode'),
        'NOT_SOCIAL',
        '只有社会组织才有业务主管单位；该组织按统一社会信用代码属于非公有制经济组织',
        'Only social organizations have a supervisory unit; by its credit code this is a non-public economic organization.',
      ),
    );
  }
  return { ids, issues };
}

/** BAD_USER_INPUT for a node id argument that is malformed or of another type; NOT_FOUND comes later. */
function organizationRowId(id: string, path: string): number {
  const decoded = fromGlobalId(id);
  if (!decoded || decoded.typeName !== 'Organization') {
    const en = decoded
      ? `${path} is the id of a ${decoded.typeName}, not of an Organization.`
      : `${path} is not a valid Organization id.`;
    throw new BadUserInputError(en, {
      field: [path],
      reason: decoded ? 'WRONG_TYPE' : 'INVALID_ID',
      localizedMessage: { zh: decoded ? `${path} 指向的是 ${decoded.typeName}，不是组织` : `${path} 不是有效的组织 ID`, en },
    });
  }
  return decoded.id;
}

/** CONFLICT naming the organization that already holds the code. */
async function refuseTakenCreditCode(tx: Tx, creditCode: string, exceptId: number | null): Promise<void> {
  const rows = (await tx.query('SELECT id, name FROM organization WHERE credit_code = $1 AND id IS DISTINCT FROM $2', [creditCode, exceptId])) as {
    id: number;
    name: string;
  }[];
  const holder = rows[0];
  if (!holder) return;
  const existingId = toGlobalId('Organization', holder.id);
  const en = `The unified social credit code ${creditCode} is already registered to "${holder.name}" (${existingId}).`;
  throw new ConflictError(en, {
    constraint: 'organization_credit_code_key',
    localizedMessage: { zh: `统一社会信用代码 ${creditCode} 已登记为“${holder.name}”（${existingId}），不能重复登记`, en },
    details: { reason: 'DUPLICATE', field: ['input', 'creditCode'], existingId },
  });
}

/** snake_case columns of the organization's own fields, from normalized input (only keys present). */
function fieldColumns(fields: Partial<OrganizationFields>): Record<string, unknown> {
  const map: [keyof OrganizationFields, string][] = [
    ['name', 'name'],
    ['creditCode', 'credit_code'],
    ['category', 'category'],
    ['industry', 'industry'],
    ['employees', 'employees'],
    ['registeredOn', 'registered_on'],
    ['address', 'address'],
    ['declaredPartyMembers', 'declared_party_members'],
  ];
  const out: Record<string, unknown> = {};
  for (const [key, column] of map) if (fields[key] !== undefined) out[column] = fields[key];
  return out;
}

function requiredBoolean(value: boolean | null | undefined, field: string, label: { zh: string; en: string }): Issue[] {
  return value === null ? [issue(['input', field], 'REQUIRED', `${label.zh}不能清空`, `The ${label.en} cannot be cleared.`)] : [];
}

@Resolver()
export class OrganizationMutations {
  @Mutation(() => RegisterOrganizationPayload, {
    description:
      'Registers an organization (登记两新组织). Refused with BAD_USER_INPUT listing every problem (extensions.issues), or CONFLICT when the credit code is taken (extensions.existingId). Writes an audit entry.',
  })
  async registerOrganization(
    @Arg('input', () => RegisterOrganizationInput, { description: 'The organization to register.' }) input: RegisterOrganizationInput,
    @Ctx() ctx: Context,
  ): Promise<RegisterOrganizationPayload> {
    const operation = 'registerOrganization';
    const id = await runMutation(
      ctx,
      operation,
      async (tx) => {
        const fields = normalizeOrganizationFields<Partial<OrganizationFields>>({
          name: input.name,
          creditCode: input.creditCode,
          industry: input.industry,
          employees: input.employees,
          registeredOn: input.registeredOn,
          address: input.address,
          declaredPartyMembers: input.declaredPartyMembers,
        });
        const issues = validateOrganizationFields(fields, todayInShanghai(), { path: ['input'] }).map(categoryFromCodeOnly);
        const category = (fields.category as string | undefined) ?? null;
        const placement = await placementOf(tx, input, null, category);
        issues.push(...placement.issues);
        refuseIfAny(issues);
        await refuseTakenCreditCode(tx, fields.creditCode!, null);

        const after = await insertRow(tx, 'organization', {
          ...fieldColumns(fields),
          ...placement.ids,
          is_key: input.isKey ?? false,
          declared_has_party_organization: input.declaredHasPartyOrganization ?? null,
          source: 'MANUAL',
        });
        const nodeId = after.id as number;
        await audit(tx, ctx, { operation, nodeType: 'Organization', nodeId, before: null, after });
        return nodeId;
      },
      { constraintPaths: CONSTRAINT_PATHS },
    );
    return { organization: required(await ctx.loaders.organization.byId.load(id), 'Organization', id) };
  }

  @Mutation(() => UpdateOrganizationPayload, {
    description:
      'Changes an organization (修改两新组织): only the fields given. `version` is the one the client read: a stale one is refused with CONFLICT and extensions.currentVersion. NOT_FOUND when there is no such organization. Writes an audit entry when something changed.',
  })
  async updateOrganization(
    @Arg('id', () => ID, { description: 'The organization’s id.' }) id: string,
    @Arg('version', () => Int, { description: 'The version the change was made on (Organization.version).' }) version: number,
    @Arg('input', () => UpdateOrganizationInput, { description: 'The fields to change; fields left out keep their value.' }) input: UpdateOrganizationInput,
    @Ctx() ctx: Context,
  ): Promise<UpdateOrganizationPayload> {
    const operation = 'updateOrganization';
    const rowId = organizationRowId(id, 'id');
    await runMutation(
      ctx,
      operation,
      async (tx) => {
        const target = { table: 'organization', nodeType: 'Organization', id: rowId, version };
        const before = await lockVersioned(tx, target);
        const given = <K extends keyof UpdateOrganizationInput>(key: K) => input[key];
        const fields = normalizeOrganizationFields(
          Object.fromEntries(
            (['name', 'creditCode', 'industry', 'employees', 'registeredOn', 'address', 'declaredPartyMembers'] as const)
              .filter((key) => given(key) !== undefined)
              .map((key) => [key, given(key)]),
          ) as Partial<OrganizationFields>,
        );
        const issues = validateOrganizationFields(fields, todayInShanghai(), { path: ['input'], current: fieldsOf(before) }).map(
          categoryFromCodeOnly,
        );
        issues.push(...requiredBoolean(input.isKey, 'isKey', { zh: '是否重点组织', en: 'key-organization flag' }));
        const category = (fields.category as string | undefined) ?? (before.category as string);
        const placement = await placementOf(tx, input, before, category);
        issues.push(...placement.issues);
        refuseIfAny(issues);
        if (fields.creditCode !== undefined) await refuseTakenCreditCode(tx, fields.creditCode, rowId);

        const wanted: Record<string, unknown> = {
          ...fieldColumns(fields),
          ...placement.ids,
          ...(input.isKey !== undefined ? { is_key: input.isKey } : {}),
          ...(input.declaredHasPartyOrganization !== undefined ? { declared_has_party_organization: input.declaredHasPartyOrganization } : {}),
        };
        // Only what differs: an update that changes nothing writes nothing (no version, no audit entry).
        const changes = Object.fromEntries(Object.entries(wanted).filter(([column, value]) => !sameValue(before[column], value)));
        if (Object.keys(changes).length === 0) return;
        const after = await updateVersioned(tx, target, { ...changes, updated_at: raw('now()') });
        await audit(tx, ctx, { operation, nodeType: 'Organization', nodeId: rowId, before, after });
      },
      { constraintPaths: CONSTRAINT_PATHS },
    );
    return { organization: required(await ctx.loaders.organization.byId.load(rowId), 'Organization', rowId) };
  }

  @Mutation(() => DeregisterOrganizationPayload, {
    description:
      'Deregisters an organization (注销): from `deregisteredOn` on it is out of the coverage measures. CONFLICT when it is already deregistered or `version` is stale. Writes an audit entry, with the reason.',
  })
  async deregisterOrganization(
    @Arg('id', () => ID, { description: 'The organization’s id.' }) id: string,
    @Arg('version', () => Int, { description: 'The version the change was made on (Organization.version).' }) version: number,
    @Arg('deregisteredOn', () => LocalDate, { description: 'Date of deregistration (注销日期): not before registration, not in the future.' })
    deregisteredOn: string,
    @Arg('reason', () => String, { nullable: true, description: 'Why (注销原因), at most 500 characters; kept in the audit trail.' })
    reason: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<DeregisterOrganizationPayload> {
    const operation = 'deregisterOrganization';
    const rowId = organizationRowId(id, 'id');
    await runMutation(ctx, operation, async (tx) => {
      const target = { table: 'organization', nodeType: 'Organization', id: rowId, version };
      const before = await lockVersioned(tx, target);
      if (before.status === 'DEREGISTERED') {
        const en = `This organization was already deregistered on ${before.deregistered_on as string}.`;
        throw new ConflictError(en, {
          constraint: 'status',
          localizedMessage: { zh: `该组织已于 ${before.deregistered_on as string} 注销`, en },
          details: { reason: 'ALREADY_DEREGISTERED' },
        });
      }
      const issues = [
        ...checkDate(['deregisteredOn'], deregisteredOn, {
          label: { zh: '注销日期', en: 'deregistration date' },
          required: true,
          notAfter: todayInShanghai(),
        }),
        ...checkText(['reason'], reason, { label: { zh: '注销原因', en: 'reason' }, max: 500, required: false }),
      ];
      if (issues.length === 0 && deregisteredOn < (before.registered_on as string)) {
        issues.push(
          issue(
            ['deregisteredOn'],
            'DATES_OUT_OF_ORDER',
            `注销日期（${deregisteredOn}）早于登记日期（${before.registered_on as string}），注销日期不能早于登记日期`,
            `The deregistration date (${deregisteredOn}) is before the registration date (${before.registered_on as string}); an organization cannot be deregistered before it was registered.`,
          ),
        );
      }
      refuseIfAny(issues);
      const after = await updateVersioned(tx, target, {
        status: 'DEREGISTERED',
        deregistered_on: deregisteredOn,
        updated_at: raw('now()'),
      });
      const note = reason?.trim() ? { _reason: reason.trim() } : {};
      await audit(tx, ctx, { operation, nodeType: 'Organization', nodeId: rowId, before, after: { ...after, ...note } });
    });
    return { organization: required(await ctx.loaders.organization.byId.load(rowId), 'Organization', rowId) };
  }
}

/** Compares a stored JSON value with a value about to be written (numbers, strings, booleans, null). */
function sameValue(stored: unknown, next: unknown): boolean {
  return (stored ?? null) === (next ?? null);
}

/**
 * The API takes no category: it follows from the code. A code of authority Y (其他) does not
 * tell it, so such a code is refused at the code rather than asking for a field that is not there.
 */
function categoryFromCodeOnly(found: Issue): Issue {
  if (found.reason !== 'CATEGORY_REQUIRED') return found;
  return issue(
    ['input', 'creditCode'],
    'CATEGORY_UNKNOWN',
    '该代码由其他登记管理部门（以“Y”开头）赋予，无法据此判断是企业还是社会组织，不能在此登记；请通过导入并注明组织类别',
    'This code was issued by another authority (it starts with "Y"), so it does not tell whether this is an enterprise or a social organization; it cannot be registered here. Import it with its category instead.',
  );
}
