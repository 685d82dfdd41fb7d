import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { Area } from '../area/area.entity.js';
import { required } from '../required.js';
import { PartyOrganization } from './party-organization.entity.js';

@Resolver(() => PartyOrganization)
export class PartyOrganizationResolver {
  @FieldResolver(() => Area, {
    description: 'The area it belongs to (所属区划): the street for most, the district or city for an area-level committee.',
  })
  async area(@Root() partyOrganization: PartyOrganization, @Ctx() { loaders }: Context): Promise<Area> {
    return required(await loaders.area.byId.load(partyOrganization.areaId), 'Area', partyOrganization.areaId);
  }

  @FieldResolver(() => PartyOrganization, { nullable: true, description: 'The Party organization one level up (上级党组织), if any.' })
  parent(@Root() partyOrganization: PartyOrganization, @Ctx() { loaders }: Context): Promise<PartyOrganization | null> | null {
    return partyOrganization.parentId === null ? null : loaders.partyOrganization.byId.load(partyOrganization.parentId);
  }
}
