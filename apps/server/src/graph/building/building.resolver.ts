import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { Area } from '../area/area.entity.js';
import { Park } from '../park/park.entity.js';
import { optionalRow, requiredRow } from '../required.js';
import { Building } from './building.entity.js';
import { joinsToOne, readsFromParent } from '../selected-columns.js';

@Resolver(() => Building)
export class BuildingResolver {
  @FieldResolver(() => Area, { description: 'The street or town (街道 / 镇) the building stands in.' })
  street(@Root() building: Building, @Ctx() { loaders }: Context): Area | Promise<Area> {
    return requiredRow(loaders.area.byId, building.streetId, 'Area');
  }

  @FieldResolver(() => Park, { nullable: true, description: 'The industrial park (园区) the building stands in, if any.' })
  park(@Root() building: Building, @Ctx() { loaders }: Context): Park | null | Promise<Park | null> {
    return optionalRow(loaders.park.byId, building.parkId);
  }
}

// What the field resolvers above read from the building row (graph/selected-columns.ts).
readsFromParent(Building, { street: ['streetId'], park: ['parkId'] });
// …and which a list of buildings fetches in its own statement (the by-id loaders read plain rows).
joinsToOne(Building, { street: { via: 'streetId', to: () => Area }, park: { via: 'parkId', to: () => Park } });
