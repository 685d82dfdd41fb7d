import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { Area } from '../area/area.entity.js';
import { required } from '../required.js';
import { Park } from './park.entity.js';

@Resolver(() => Park)
export class ParkResolver {
  @FieldResolver(() => Area, { description: 'The district or street that administers the park (管理区划).' })
  async area(@Root() park: Park, @Ctx() { loaders }: Context): Promise<Area> {
    return required(await loaders.area.byId.load(park.areaId), 'Area', park.areaId);
  }
}
