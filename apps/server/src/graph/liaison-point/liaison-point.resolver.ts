import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { Organization } from '../organization/organization.entity.js';
import { required } from '../required.js';
import { LiaisonPoint } from './liaison-point.entity.js';
import { LiaisonResponsible } from './responsible.js';

type Responsible = typeof LiaisonResponsible;

@Resolver(() => LiaisonPoint)
export class LiaisonPointResolver {
  @FieldResolver(() => Organization, { description: 'The organization this liaison point ties to (联系的组织).' })
  async organization(@Root() point: LiaisonPoint, @Ctx() { loaders }: Context): Promise<Organization> {
    return required(await loaders.organization.byId.load(point.organizationId), 'Organization', point.organizationId);
  }

  @FieldResolver(() => LiaisonResponsible, {
    description:
      'Who answers for it (责任方), as `kind` says: the working committee, the member unit, the street work-group member or the instructor.',
  })
  async responsible(@Root() point: LiaisonPoint, @Ctx() { loaders }: Context): Promise<Responsible> {
    // The database guarantees exactly one of the four, the one `kind` names.
    const found =
      point.committeeId !== null
        ? await loaders.workingCommittee.byId.load(point.committeeId)
        : point.memberUnitId !== null
          ? await loaders.memberUnit.byId.load(point.memberUnitId)
          : point.workGroupMemberId !== null
            ? await loaders.workGroupMember.byId.load(point.workGroupMemberId)
            : point.instructorId !== null
              ? await loaders.instructor.byId.load(point.instructorId)
              : null;
    return required(found, 'LiaisonResponsible', point.id);
  }
}
