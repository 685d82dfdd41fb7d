import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { PartyOrganization } from '../party-organization/party-organization.entity.js';
import { required } from '../required.js';
import { Activity } from './activity.entity.js';

@Resolver(() => Activity)
export class ActivityResolver {
  @FieldResolver(() => PartyOrganization, { description: 'The Party organization that held it (举办的党组织).' })
  async partyOrganization(@Root() activity: Activity, @Ctx() { loaders }: Context): Promise<PartyOrganization> {
    return required(await loaders.partyOrganization.byId.load(activity.partyOrganizationId), 'PartyOrganization', activity.partyOrganizationId);
  }
}
