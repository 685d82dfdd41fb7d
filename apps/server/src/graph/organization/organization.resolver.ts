import { parseCreditCode } from '@liangxin/domain';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { BadUserInputError } from '../../errors/bad-user-input.error.js';
import { Area } from '../area/area.entity.js';
import { Building } from '../building/building.entity.js';
import { BusinessDistrict } from '../business-district/business-district.entity.js';
import { Park } from '../park/park.entity.js';
import { optionalRow, requiredRow } from '../required.js';
import { Organization } from './organization.entity.js';
import { joinsToOne, readsFromParent } from '../selected-columns.js';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, {
    nullable: true,
    description:
      'The organization (两新组织) with this unified social credit code (统一社会信用代码); null if none. A malformed code is refused with BAD_USER_INPUT saying what is wrong.',
  })
  organization(
    @Arg('creditCode', () => String, { description: '18 characters; surrounding spaces and lower case are accepted.' }) creditCode: string,
    @Ctx() { loaders }: Context,
  ): Promise<Organization | null> {
    const parsed = parseCreditCode(creditCode);
    if (!parsed.ok) {
      const { reason, message, position, expected, found } = parsed.error;
      throw new BadUserInputError(message.en, {
        field: ['creditCode'],
        reason,
        localizedMessage: message,
        details: { position, expected, found },
      });
    }
    return loaders.organization.byCreditCode.load(parsed.code);
  }

  @FieldResolver(() => Area, { description: 'The street or town (街道 / 镇) the organization is located in.' })
  street(@Root() organization: Organization, @Ctx() { loaders }: Context): Area | Promise<Area> {
    return requiredRow(loaders.area.byId, organization.streetId, 'Area');
  }

  @FieldResolver(() => Park, { nullable: true, description: 'The industrial park (园区) it is located in, if any.' })
  park(@Root() organization: Organization, @Ctx() { loaders }: Context): Park | null | Promise<Park | null> {
    return optionalRow(loaders.park.byId, organization.parkId);
  }

  @FieldResolver(() => Building, { nullable: true, description: 'The commercial building (楼宇) it is located in, if any.' })
  building(@Root() organization: Organization, @Ctx() { loaders }: Context): Building | null | Promise<Building | null> {
    return optionalRow(loaders.building.byId, organization.buildingId);
  }

  @FieldResolver(() => BusinessDistrict, {
    nullable: true,
    description: 'The business district or market (商圈 / 市场) it is located in, if any.',
  })
  businessDistrict(@Root() organization: Organization, @Ctx() { loaders }: Context): BusinessDistrict | null | Promise<BusinessDistrict | null> {
    return optionalRow(loaders.businessDistrict.byId, organization.businessDistrictId);
  }
}

// What the field resolvers above read from the organization row (graph/selected-columns.ts).
readsFromParent(Organization, { street: ['streetId'], park: ['parkId'], building: ['buildingId'], businessDistrict: ['businessDistrictId'] });
// …and which of them a list of organizations fetches in its own statement (the by-id loaders read plain rows).
joinsToOne(Organization, {
  street: { via: 'streetId', to: () => Area },
  park: { via: 'parkId', to: () => Park },
  building: { via: 'buildingId', to: () => Building },
  businessDistrict: { via: 'businessDistrictId', to: () => BusinessDistrict },
});
