import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { LiaisonPoint } from '../liaison-point/liaison-point.entity.js';
import { Organization } from '../organization/organization.entity.js';
import { required } from '../required.js';
import { Visit } from './visit.entity.js';

@Resolver(() => Visit)
export class VisitResolver {
  @FieldResolver(() => LiaisonPoint, { description: 'The liaison point the visit was made on (所属联系点).' })
  async liaisonPoint(@Root() visit: Visit, @Ctx() { loaders }: Context): Promise<LiaisonPoint> {
    return required(await loaders.liaisonPoint.byId.load(visit.liaisonPointId), 'LiaisonPoint', visit.liaisonPointId);
  }

  @FieldResolver(() => Organization, { description: 'The organization visited (走访的组织).' })
  async organization(@Root() visit: Visit, @Ctx() { loaders }: Context): Promise<Organization> {
    return required(await loaders.organization.byId.load(visit.organizationId), 'Organization', visit.organizationId);
  }
}
