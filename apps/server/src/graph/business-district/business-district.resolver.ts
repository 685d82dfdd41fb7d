import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { Area } from '../area/area.entity.js';
import { required } from '../required.js';
import { BusinessDistrict } from './business-district.entity.js';

@Resolver(() => BusinessDistrict)
export class BusinessDistrictResolver {
  @FieldResolver(() => Area, { description: 'The street or town (街道 / 镇) it lies in.' })
  async street(@Root() district: BusinessDistrict, @Ctx() { loaders }: Context): Promise<Area> {
    return required(await loaders.area.byId.load(district.streetId), 'Area', district.streetId);
  }
}
