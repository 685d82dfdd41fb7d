import type DataLoader from 'dataloader';
import { Field, ObjectType } from 'type-graphql';
import type { Loaders } from '../../loaders.js';
import { Instructor } from '../instructor/instructor.entity.js';
import { LiaisonPoint } from '../liaison-point/liaison-point.entity.js';
import { MemberUnit } from '../member-unit/member-unit.entity.js';
import { PartyOrganization } from '../party-organization/party-organization.entity.js';
import { required } from '../required.js';
import { LocalDate } from '../scalars.js';
import { WorkGroupMember } from '../work-group-member/work-group-member.entity.js';
import { WorkingCommittee } from '../working-committee/working-committee.entity.js';
import type { ResponsibilityRow } from './responsibility.sql.js';

/**
 * The responsibility chain (责任链条) of an organization. The bodies themselves (work-group member,
 * instructor, …) are read lazily through the by-id loaders when asked for, so a response costs one
 * statement for the chain of all its organizations plus one per type of body asked for.
 */

function hidden(target: object, values: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(values)) Object.defineProperty(target, key, { value, enumerable: false });
}

function load<T>(loader: DataLoader<number, T | null>, id: number, type: string): Promise<T> {
  return loader.load(id).then((row) => required(row, type, id));
}

/** What every liaison tie of the chain has: its dates and the liaison point that makes it. */
// Decorated so its fields are inherited; no field returns it, so the schema does not list it.
@ObjectType('LiaisonTie')
abstract class LiaisonTie {
  @Field(() => LocalDate, { description: 'Since when (起始日期): the liaison point holds from this date.' })
  since: string;

  @Field(() => LocalDate, { nullable: true, description: 'The latest visit on this liaison point on or before `asOf` (最近走访日期); null if none.' })
  lastVisitOn: string | null;

  declare protected loaders: Loaders;
  declare protected row: ResponsibilityRow;

  @Field(() => LiaisonPoint, { description: 'The liaison point (联系点) that makes the tie.' })
  get liaisonPoint(): Promise<LiaisonPoint> {
    return load(this.loaders.liaisonPoint.byId, this.row.liaisonPointId!, 'LiaisonPoint');
  }
}

@ObjectType('ResponsibleWorkGroupMember', { description: 'The street work-group member who looks after (专包) the organization: a WORK_GROUP liaison point.' })
export class ResponsibleWorkGroupMember extends LiaisonTie {
  @Field(() => WorkGroupMember, { description: 'The work-group member (工作组成员), with the public contact number.' })
  get member(): Promise<WorkGroupMember> {
    return load(this.loaders.workGroupMember.byId, this.row.refId, 'WorkGroupMember');
  }
}

@ObjectType('ResponsibleInstructor', { description: 'An instructor (党建工作指导员) assigned to the organization: an INSTRUCTOR liaison point.' })
export class ResponsibleInstructor extends LiaisonTie {
  @Field(() => Instructor, { description: 'The instructor.' })
  get instructor(): Promise<Instructor> {
    return load(this.loaders.instructor.byId, this.row.refId, 'Instructor');
  }
}

@ObjectType('ResponsibleMemberUnit', { description: 'The member unit that 包挂 the organization: a MEMBER_UNIT liaison point.' })
export class ResponsibleMemberUnit extends LiaisonTie {
  @Field(() => MemberUnit, { description: 'The member unit (委员单位).' })
  get memberUnit(): Promise<MemberUnit> {
    return load(this.loaders.memberUnit.byId, this.row.refId, 'MemberUnit');
  }
}

@ObjectType('DirectLiaisonCommittee', { description: 'A working committee for which the organization is a direct liaison point (直接联系点): a DIRECT liaison point.' })
export class DirectLiaisonCommittee extends LiaisonTie {
  @Field(() => WorkingCommittee, { description: 'The working committee (党工委).' })
  get committee(): Promise<WorkingCommittee> {
    return load(this.loaders.workingCommittee.byId, this.row.refId, 'WorkingCommittee');
  }
}

@ObjectType('ResponsibleStreetCommittee', { description: "The street's comprehensive Party committee (街道综合党委)." })
export class ResponsibleStreetCommittee {
  @Field(() => LocalDate, { description: 'Since when: the date it was established.' })
  since: string;

  declare protected loaders: Loaders;
  declare protected row: ResponsibilityRow;

  @Field(() => PartyOrganization, { description: 'The Party organization anchored on the street.' })
  get partyOrganization(): Promise<PartyOrganization> {
    return load(this.loaders.partyOrganization.byId, this.row.refId, 'PartyOrganization');
  }
}

@ObjectType('ResponsibleWorkingCommittee', { description: 'A "two new" working committee above the organization (区县 / 市两新工委).' })
export class ResponsibleWorkingCommittee {
  @Field(() => LocalDate, { description: 'Since when: the date it was established.' })
  since: string;

  declare protected loaders: Loaders;
  declare protected row: ResponsibilityRow;

  @Field(() => WorkingCommittee, { description: 'The working committee (党工委).' })
  get committee(): Promise<WorkingCommittee> {
    return load(this.loaders.workingCommittee.byId, this.row.refId, 'WorkingCommittee');
  }
}

@ObjectType('Responsibility', {
  description:
    'Who answers for the organization on `asOf` (责任链条): its work-group member, instructors, member unit, the committees for which it is a direct liaison point, its street comprehensive Party committee, and the district and city working committees. Liaison ties hold on asOf (since ≤ asOf, until null or after).',
})
export class Responsibility {
  @Field(() => LocalDate, { description: 'The date the chain describes (基准日期).' })
  asOf: string;

  @Field(() => ResponsibleWorkGroupMember, {
    nullable: true,
    description: 'The work-group member who 专包 it (a WORK_GROUP liaison point holding on asOf; if several, the latest since, then the smallest id); null if none.',
  })
  workGroupMember: ResponsibleWorkGroupMember | null;

  @Field(() => [ResponsibleInstructor], { description: 'Its instructors (INSTRUCTOR liaison points holding on asOf), by since, then id.' })
  instructors: ResponsibleInstructor[];

  @Field(() => ResponsibleMemberUnit, {
    nullable: true,
    description: 'The member unit that 包挂 it (a MEMBER_UNIT liaison point holding on asOf; if several, the latest since, then the smallest id); null if none.',
  })
  memberUnit: ResponsibleMemberUnit | null;

  @Field(() => [DirectLiaisonCommittee], {
    description: 'The working committees for which it is a direct liaison point (DIRECT liaison points holding on asOf; the city and its district may both name it), by since, then id.',
  })
  directCommittees: DirectLiaisonCommittee[];

  @Field(() => ResponsibleStreetCommittee, {
    nullable: true,
    description: "Its street's comprehensive Party committee: a Party organization anchored on its street (anchor STREET) standing on asOf; if several, the latest established. Null if none.",
  })
  streetCommittee: ResponsibleStreetCommittee | null;

  @Field(() => ResponsibleWorkingCommittee, { nullable: true, description: "Its district's working committee, established on or before asOf; null if none." })
  districtCommittee: ResponsibleWorkingCommittee | null;

  @Field(() => ResponsibleWorkingCommittee, { nullable: true, description: "The city's working committee, established on or before asOf; null if none." })
  cityCommittee: ResponsibleWorkingCommittee | null;
}

function tie<T extends object>(cls: new () => T, row: ResponsibilityRow, loaders: Loaders): T {
  const value = new cls();
  Object.assign(value, row.liaisonPointId == null ? { since: row.since } : { since: row.since, lastVisitOn: row.lastVisitOn });
  hidden(value, { loaders, row });
  return value;
}

const byLatest = (a: ResponsibilityRow, b: ResponsibilityRow) => (a.since < b.since ? 1 : a.since > b.since ? -1 : a.refId - b.refId);
const byEarliest = (a: ResponsibilityRow, b: ResponsibilityRow) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.refId - b.refId);

/** The chain from the rows of one organization. */
export function responsibilityOf(asOf: string, rows: readonly ResponsibilityRow[], loaders: Loaders): Responsibility {
  const of = (role: ResponsibilityRow['role'], order = byLatest) => rows.filter((r) => r.role === role).sort(order);
  const first = <T extends object>(role: ResponsibilityRow['role'], cls: new () => T): T | null => {
    const row = of(role)[0];
    return row ? tie(cls, row, loaders) : null;
  };
  const r = new Responsibility();
  r.asOf = asOf;
  r.workGroupMember = first('WORK_GROUP', ResponsibleWorkGroupMember);
  r.instructors = of('INSTRUCTOR', byEarliest).map((row) => tie(ResponsibleInstructor, row, loaders));
  r.memberUnit = first('MEMBER_UNIT', ResponsibleMemberUnit);
  r.directCommittees = of('DIRECT', byEarliest).map((row) => tie(DirectLiaisonCommittee, row, loaders));
  r.streetCommittee = first('STREET_COMMITTEE', ResponsibleStreetCommittee);
  r.districtCommittee = first('DISTRICT_COMMITTEE', ResponsibleWorkingCommittee);
  r.cityCommittee = first('CITY_COMMITTEE', ResponsibleWorkingCommittee);
  return r;
}
