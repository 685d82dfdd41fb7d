import { createUnionType } from 'type-graphql';
import { BadUserInputError, type FieldPath } from '../../errors/bad-user-input.error.js';
import { fromGlobalId } from '../../relay/cursor.js';
import { Instructor } from '../instructor/instructor.entity.js';
import { MemberUnit } from '../member-unit/member-unit.entity.js';
import { nodeTypeName } from '../node.js';
import { WorkGroupMember } from '../work-group-member/work-group-member.entity.js';
import { WorkingCommittee } from '../working-committee/working-committee.entity.js';

/** The body responsible for a liaison point: which one `kind` says. */
export const LiaisonResponsible = createUnionType({
  name: 'LiaisonResponsible',
  description:
    'Who answers for a liaison point (联系点责任方): a working committee (DIRECT, 党工委直接联系), a member unit (MEMBER_UNIT, 委员单位包挂), a street work-group member (WORK_GROUP, 工作组成员专包) or an instructor (INSTRUCTOR, 党建工作指导员).',
  types: () => [WorkingCommittee, MemberUnit, WorkGroupMember, Instructor] as const,
  resolveType: (value: object) => nodeTypeName(value),
});

/** The liaison_point column holding each kind of responsible body's id. */
export const RESPONSIBLE_COLUMNS = {
  WorkingCommittee: 'committee_id',
  MemberUnit: 'member_unit_id',
  WorkGroupMember: 'work_group_member_id',
  Instructor: 'instructor_id',
} as const;

/** A responsible body's global id → its column and row id; BAD_USER_INPUT for anything else. */
export function parseResponsible(id: string, path: FieldPath): { column: string; id: number } {
  const parsed = fromGlobalId(id);
  const column = parsed ? RESPONSIBLE_COLUMNS[parsed.typeName as keyof typeof RESPONSIBLE_COLUMNS] : undefined;
  if (!parsed || !column) {
    const en = 'responsible must be the id of a WorkingCommittee, MemberUnit, WorkGroupMember or Instructor.';
    throw new BadUserInputError(en, {
      field: path,
      reason: 'RESPONSIBLE',
      localizedMessage: { zh: 'responsible 应为党工委、委员单位、工作组成员或指导员的 ID', en },
    });
  }
  return { column, id: parsed.id };
}
