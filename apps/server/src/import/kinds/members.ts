import { MEMBER_STAGE_ORDER, validatePartyMemberFields, type MemberStage, type PartyMemberFields } from '@liangxin/domain';
import { maskIdNumber } from '../../graph/party-member/personal-data.js';
import { rowIssue, type RowIssue } from '../report.js';
import { insertSet, updateSet, type SetColumn } from '../write-set.js';
import {
  ambiguous,
  AREA_CODE,
  distinct,
  fromDomain,
  groupBy,
  notFound,
  outcomeOf,
  planned,
  inSequence,
  query,
  type KindHandler,
  type PlannedRow,
} from './common.js';

/**
 * Party members and those being developed (the three ledgers' people), upserted by identity
 * number (公民身份号码, unique in party_member). Personal data: the report's key is the masked
 * number, and no message quotes a name, a phone or a number.
 */

const WRITTEN: SetColumn[] = [
  { name: 'name', type: 'text' },
  { name: 'gender', type: 'text' },
  { name: 'birth_date', type: 'date' },
  { name: 'phone', type: 'text' },
  { name: 'address', type: 'text' },
  { name: 'organization_id', type: 'int' },
  { name: 'employed_since', type: 'date' },
  { name: 'stage', type: 'text' },
  { name: 'applied_on', type: 'date' },
  { name: 'activist_on', type: 'date' },
  { name: 'candidate_on', type: 'date' },
  { name: 'probationary_on', type: 'date' },
  { name: 'full_on', type: 'date' },
  { name: 'relation_holder', type: 'text' },
  { name: 'party_organization_id', type: 'int' },
  { name: 'ledger', type: 'text' },
  { name: 'ledger_area_id', type: 'int' },
  { name: 'ledger_since', type: 'date' },
  { name: 'transferred_on', type: 'date' },
  { name: 'identity_revealed', type: 'boolean' },
  { name: 'revealed_on', type: 'date' },
];

/** Field of the row → stored column. */
const FIELD_COLUMNS: Record<string, string> = {
  name: 'name',
  gender: 'gender',
  birthDate: 'birth_date',
  phone: 'phone',
  address: 'address',
  employerCode: 'organization_id',
  employedSince: 'employed_since',
  stage: 'stage',
  appliedOn: 'applied_on',
  activistOn: 'activist_on',
  candidateOn: 'candidate_on',
  probationaryOn: 'probationary_on',
  fullOn: 'full_on',
  relationHolder: 'relation_holder',
  partyOrganization: 'party_organization_id',
  ledger: 'ledger',
  ledgerArea: 'ledger_area_id',
  ledgerSince: 'ledger_since',
  transferredOn: 'transferred_on',
  revealedOn: 'revealed_on',
};

/** Plain stored fields (not references): field → column. */
const PLAIN = Object.entries(FIELD_COLUMNS).filter(([f]) => !['employerCode', 'partyOrganization', 'ledgerArea'].includes(f));

type Stored = Record<string, unknown> & { id: number; version: number; id_number: string };

interface Payload {
  id?: number;
  version?: number;
  idNumber: string;
  row: Record<string, unknown>;
}

export const membersKind: KindHandler = {
  async plan(ctx, rows) {
    const ids = distinct(rows.map((r) => (typeof r.values.idNumber === 'string' ? r.values.idNumber : null)));
    const employers = distinct(rows.map((r) => r.values.employerCode as string | undefined));
    const partyOrgs = distinct(rows.map((r) => r.values.partyOrganization as string | undefined));
    const areas = distinct(rows.map((r) => r.values.ledgerArea as string | undefined));
    const dateColumns = WRITTEN.filter((c) => c.type === 'date').map((c) => `${c.name}::text AS ${c.name}`);
    const [storedRows, employerRows, poRows, areaRows] = await inSequence([
      () => query<Stored>(
        ctx.db,
        `SELECT id, version, id_number, name, gender, phone, address, organization_id, stage, relation_holder, party_organization_id,
           ledger, ledger_area_id, identity_revealed, ${dateColumns.join(', ')}
         FROM party_member WHERE id_number = ANY($1::text[]) ${ctx.lock ? 'FOR UPDATE' : ''}`,
        [ids],
      ),
      () => employers.length
        ? query<{ id: number; credit_code: string }>(ctx.db, `SELECT id, credit_code::text AS credit_code FROM organization WHERE credit_code = ANY($1::text[])`, [employers])
        : [],
      () => partyOrgs.length
        ? query<{ id: number; name: string; covers: number[] }>(
            ctx.db,
            `SELECT p.id, p.name, coalesce((SELECT array_agg(c.organization_id) FROM party_organization_coverage c
               WHERE c.party_organization_id = p.id AND c.until IS NULL), '{}') AS covers
             FROM party_organization p WHERE p.name = ANY($1::text[]) AND p.dissolved_on IS NULL`,
            [partyOrgs],
          )
        : [],
      () => areas.length
        ? query<{ id: number; code: string; name: string; level: string }>(
            ctx.db,
            `SELECT id, code::text AS code, name, level FROM area WHERE code = ANY($1::text[]) OR name = ANY($1::text[])`,
            [areas],
          )
        : [],
    ]);
    const stored = new Map(storedRows.map((r) => [r.id_number, r]));
    const employerBy = new Map(employerRows.map((r) => [r.credit_code, r.id]));
    const poBy = groupBy(poRows, (p) => [p.name]);
    const areaBy = groupBy(areaRows, (a) => [a.code, a.name]);

    return rows.map((input): PlannedRow => {
      const v = input.values;
      const issues: RowIssue[] = [];
      const idNumber = typeof v.idNumber === 'string' ? v.idNumber : null;
      const current = idNumber ? stored.get(idNumber) : undefined;
      const key = idNumber && /^[0-9]{17}[0-9X]$/.test(idNumber) ? maskIdNumber(idNumber) : null;

      // The record asked for: the row's values over the stored ones (an empty cell keeps what is stored).
      const next: Record<string, unknown> = {};
      for (const [field, column] of PLAIN) next[column] = v[field] !== undefined ? v[field] : (current?.[column] ?? null);

      let organizationId = (current?.organization_id as number | undefined) ?? null;
      if (typeof v.employerCode === 'string') {
        const id = employerBy.get(v.employerCode);
        if (id === undefined) {
          issues.push(
            notFound(input, ctx.header('employerCode'), 'UNKNOWN_ORGANIZATION', `平台中没有统一社会信用代码为 ${v.employerCode.slice(0, 20)} 的组织（请先导入组织）`, `No organization has the credit code ${v.employerCode.slice(0, 20)} (import the organizations first).`),
          );
        } else organizationId = id;
      }
      next.organization_id = organizationId;

      let partyOrganizationId = (current?.party_organization_id as number | null | undefined) ?? null;
      if (typeof v.partyOrganization === 'string') {
        const header = ctx.header('partyOrganization');
        let found = poBy.get(v.partyOrganization) ?? [];
        if (found.length > 1 && organizationId !== null) found = found.filter((p) => p.covers.includes(organizationId!));
        if (found.length === 0) {
          issues.push(notFound(input, header, 'UNKNOWN_PARTY_ORGANIZATION', `平台中没有名为“${v.partyOrganization.slice(0, 50)}”的党组织`, `No standing Party organization is called "${v.partyOrganization.slice(0, 50)}".`));
        } else if (found.length > 1) {
          issues.push(ambiguous(input, header, `有多个党组织名为“${v.partyOrganization}”`, `Several Party organizations are called "${v.partyOrganization}".`));
        } else partyOrganizationId = found[0]!.id;
      }
      // A relation held elsewhere has no Party organization.
      if (next.relation_holder !== 'PARTY_ORGANIZATION') partyOrganizationId = null;
      next.party_organization_id = partyOrganizationId;

      let ledgerAreaId = (current?.ledger_area_id as number | null | undefined) ?? null;
      if (typeof v.ledgerArea === 'string') {
        const header = ctx.header('ledgerArea');
        const wanted = next.ledger === 'COMMUNITY' ? 'COMMUNITY' : 'DISTRICT';
        const found = (areaBy.get(v.ledgerArea) ?? []).filter((a) => a.level === wanted);
        if (found.length === 0) {
          const what = wanted === 'COMMUNITY' ? { zh: '社区', en: 'community' } : { zh: '区县', en: 'district or county' };
          issues.push(
            notFound(
              input,
              header,
              'UNKNOWN_AREA',
              `找不到${AREA_CODE.test(v.ledgerArea) ? '区划代码为 ' : '名为 '}“${v.ledgerArea.slice(0, 50)}”的${what.zh}`,
              `No ${what.en} has the code or name "${v.ledgerArea.slice(0, 50)}".`,
            ),
          );
        } else if (found.length > 1) {
          issues.push(ambiguous(input, header, `有多个区划名为“${v.ledgerArea}”，请改填区划代码`, `Several areas are called "${v.ledgerArea}": use the division code.`));
        } else ledgerAreaId = found[0]!.id;
      }
      if (next.ledger === null || next.ledger === 'PERSONNEL_AGENCY') ledgerAreaId = next.ledger === null ? null : ledgerAreaId;
      next.ledger_area_id = ledgerAreaId;
      next.identity_revealed = next.revealed_on !== null;

      const fields: PartyMemberFields = {
        idNumber: idNumber ?? '',
        name: next.name as string,
        gender: next.gender as string,
        birthDate: next.birth_date as string,
        phone: next.phone as string | null,
        address: next.address as string | null,
        employedSince: next.employed_since as string,
        stage: next.stage as string,
        appliedOn: next.applied_on as string,
        activistOn: next.activist_on as string | null,
        candidateOn: next.candidate_on as string | null,
        probationaryOn: next.probationary_on as string | null,
        fullOn: next.full_on as string | null,
        relationHolder: next.relation_holder as string,
        hasPartyOrganization: partyOrganizationId !== null || typeof v.partyOrganization === 'string',
        ledger: next.ledger as string | null,
        hasLedgerArea: ledgerAreaId !== null || typeof v.ledgerArea === 'string',
        ledgerSince: next.ledger_since as string | null,
        transferredOn: next.transferred_on as string | null,
        revealedOn: next.revealed_on as string | null,
      };
      issues.push(...fromDomain(ctx, input, validatePartyMemberFields(fields, ctx.today)));

      // Stages only move forward: an import never undoes a member's development.
      if (current && typeof v.stage === 'string') {
        const from = MEMBER_STAGE_ORDER.indexOf(current.stage as MemberStage);
        const to = MEMBER_STAGE_ORDER.indexOf(v.stage as MemberStage);
        if (to >= 0 && to < from) {
          issues.push(
            rowIssue(
              input.row,
              ctx.header('stage'),
              'CONFLICT',
              'STAGE_BACKWARD',
              '发展阶段不能退回：平台中已记录了更后的阶段',
              'The stage cannot go back: the platform already records a later stage.',
            ),
          );
        }
      }

      if (issues.length > 0 || input.issues.length > 0 || !idNumber) return planned(input, key, idNumber, issues, null);
      const compared = Object.fromEntries(
        Object.entries(FIELD_COLUMNS).map(([field, column]) => [column, ctx.header(field)]),
      );
      const outcome = outcomeOf(current, next, compared);
      const payload: Payload = { id: current?.id, version: current?.version, idNumber, row: next };
      return planned(input, key, idNumber, [], outcome, payload);
    });
  },

  async apply(ctx, rows, audit) {
    const creates = rows.filter((r) => r.outcome === 'CREATE').map((r) => r.payload as Payload);
    const updates = rows.filter((r) => r.outcome === 'UPDATE').map((r) => r.payload as Payload);
    if (creates.length) {
      await insertSet(
        ctx.db,
        { table: 'party_member', nodeType: 'PartyMember', columns: [{ name: 'id_number', type: 'text' }, ...WRITTEN], conflict: '(id_number)', returning: ['id'] },
        creates.map((p) => [p.idNumber, ...WRITTEN.map((c) => p.row[c.name])]),
        audit,
      );
    }
    if (updates.length) {
      await updateSet(
        ctx.db,
        { table: 'party_member', nodeType: 'PartyMember', columns: WRITTEN, touch: true },
        updates.map((p) => [p.id, p.version, ...WRITTEN.map((c) => p.row[c.name])]),
        audit,
      );
    }
  },
};
