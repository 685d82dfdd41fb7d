import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { sql } from '../../sql/fragment.js';
import { PageArgs, type ConnectionValue } from '../connection.js';
import { rootPage, type ListKind, relationLister } from '../list.js';
import { Organization } from '../organization/organization.entity.js';
import { required } from '../required.js';
import { WorkingCommittee } from '../working-committee/working-committee.entity.js';
import { MemberUnit } from './member-unit.entity.js';
import { MemberUnitConnection, MemberUnitFilter, MemberUnitOrder, memberUnitConditions, memberUnitOrder } from './member-unit.input.js';
import { readsFromParent } from '../selected-columns.js';

const filterArg = () => Arg('filter', () => MemberUnitFilter, { nullable: true, description: 'Conditions on the member units.' });
const orderArg = () => Arg('orderBy', () => MemberUnitOrder, { nullable: true, description: 'Order (default: by id).' });

type Filter = MemberUnitFilter | null | undefined;
type Order = MemberUnitOrder | null | undefined;

const memberUnitKind: ListKind<MemberUnit, NonNullable<Filter>, NonNullable<Order>> = { entity: MemberUnit, alias: 'mu', conditions: memberUnitConditions, order: memberUnitOrder };

@Resolver(() => MemberUnit)
export class MemberUnitResolver {
  @Query(() => MemberUnitConnection, { description: 'Member units (委员单位) of the working committees, all of them or under a filter.' })
  memberUnits(
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { db, loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<MemberUnit>> {
    return rootPage(memberUnitKind, { db, loaders }, filter, orderBy, page, info);
  }

  @FieldResolver(() => WorkingCommittee, { description: 'The working committee (两新工委) it is a member unit of.' })
  async committee(@Root() unit: MemberUnit, @Ctx() { loaders }: Context): Promise<WorkingCommittee> {
    return required(await loaders.workingCommittee.byId.load(unit.committeeId), 'WorkingCommittee', unit.committeeId);
  }
}

@Resolver(() => WorkingCommittee)
export class WorkingCommitteeMemberUnitsResolver {
  @FieldResolver(() => MemberUnitConnection, { description: 'The member units (委员单位) of this committee.' })
  memberUnits(
    @Root() committee: WorkingCommittee,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<MemberUnit>> {
    return relationLister(memberUnitKind)(ctx, 'WorkingCommittee.memberUnits', (id) => sql`mu.committee_id = ${id}`, committee.id, filter, orderBy, page, info);
  }
}

@Resolver(() => Organization)
export class OrganizationSupervisoryUnitResolver {
  @FieldResolver(() => MemberUnit, {
    nullable: true,
    description:
      'Business supervisory unit (业务主管单位) of a social organization: the member unit that answers for it; null when none is recorded.',
  })
  supervisoryUnit(@Root() organization: Organization, @Ctx() { loaders }: Context): Promise<MemberUnit | null> | null {
    return organization.supervisoryUnitId === null ? null : loaders.memberUnit.byId.load(organization.supervisoryUnitId);
  }
}

// What the field resolvers above read from their parent rows (graph/selected-columns.ts).
readsFromParent(MemberUnit, { committee: ['committeeId'] });
readsFromParent(Organization, { supervisoryUnit: ['supervisoryUnitId'] });
