import { todayInShanghai } from '@liangxin/domain';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { coverageAt } from '../coverage/coverage.args.js';
import { Organization } from '../organization/organization.entity.js';
import { LocalDate } from '../scalars.js';
import { Responsibility, responsibilityOf } from './responsibility.types.js';

@Resolver(() => Organization)
export class OrganizationResponsibilityResolver {
  @FieldResolver(() => Responsibility, {
    description:
      'Who answers for this organization on `asOf` (责任链条): work-group member (专包), instructors, member unit (包挂), committees naming it a direct liaison point, street comprehensive Party committee, district and city working committees — each with since-when and, for liaison points, the last visit. Batched: the chains of all organizations in a response on one date are one statement.',
  })
  responsibility(
    @Root() organization: Organization,
    @Arg('asOf', () => LocalDate, { nullable: true, description: 'The date (基准日期); default today in Asia/Shanghai. At most a year ahead.' })
    asOf: string | null,
    @Ctx() { loaders }: Context,
  ): Promise<Responsibility> {
    const d = coverageAt(asOf ?? todayInShanghai(), null).asOf;
    return loaders.responsibility
      .chain(d)
      .load(organization.id)
      .then((rows) => responsibilityOf(d, rows, loaders));
  }
}
