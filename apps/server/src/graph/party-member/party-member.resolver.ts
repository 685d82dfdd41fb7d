import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { Area } from '../area/area.entity.js';
import { Organization } from '../organization/organization.entity.js';
import { PartyOrganization } from '../party-organization/party-organization.entity.js';
import { required } from '../required.js';
import { PartyMember } from './party-member.entity.js';

@Resolver(() => PartyMember)
export class PartyMemberResolver {
  @FieldResolver(() => Organization, { description: 'The two-new organization the member works in (所在组织, employer).' })
  async organization(@Root() member: PartyMember, @Ctx() { loaders }: Context): Promise<Organization> {
    return required(await loaders.organization.byId.load(member.organizationId), 'Organization', member.organizationId);
  }

  @FieldResolver(() => PartyOrganization, {
    nullable: true,
    description: 'The Party organization holding the organizational relation (组织关系所在党组织); null while it sits in a ledger or for non-members.',
  })
  partyOrganization(@Root() member: PartyMember, @Ctx() { loaders }: Context): Promise<PartyOrganization | null> | null {
    return member.partyOrganizationId === null ? null : loaders.partyOrganization.byId.load(member.partyOrganizationId);
  }

  @FieldResolver(() => Area, {
    nullable: true,
    description:
      "The ledger's area (台账所在区划): the district of a talent centre, the community, or the city for the personnel agency; null when there is no ledger or none is recorded.",
  })
  ledgerArea(@Root() member: PartyMember, @Ctx() { loaders }: Context): Promise<Area | null> | null {
    return member.ledgerAreaId === null ? null : loaders.area.byId.load(member.ledgerAreaId);
  }
}
