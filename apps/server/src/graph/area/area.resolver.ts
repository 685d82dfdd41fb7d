import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { AreaLevel } from '../enums.js';
import { checkAreaCode } from './area-code.js';
import { Area } from './area.entity.js';

@Resolver(() => Area)
export class AreaResolver {
  @Query(() => [Area], {
    description:
      'Areas (行政区划) in division-code order, optionally of one level and/or directly under the area with code `parentCode`. An unknown parent gives an empty list.',
  })
  async areas(
    @Arg('level', () => AreaLevel, { nullable: true, description: 'Only areas of this level.' }) level: AreaLevel | null | undefined,
    @Arg('parentCode', () => String, { nullable: true, description: 'Only the children of this area (division code).' })
    parentCode: string | null | undefined,
    @Ctx() { db, loaders }: Context,
  ): Promise<Area[]> {
    const qb = db.createQueryBuilder(Area, 'a');
    if (level) qb.andWhere('a.level = :level', { level });
    if (parentCode != null) {
      const code = checkAreaCode(parentCode, 'parentCode');
      qb.innerJoin('a.parent', 'p').andWhere('p.code = :code', { code });
    }
    const areas = await qb.orderBy('a.code', 'ASC').getMany();
    for (const area of areas) loaders.area.prime(area);
    return areas;
  }

  @Query(() => Area, { nullable: true, description: 'The area (行政区划) with this division code, e.g. "370102" (历下区); null if none.' })
  area(
    @Arg('code', () => String, { description: 'Administrative division code (行政区划代码).' }) code: string,
    @Ctx() { loaders }: Context,
  ): Promise<Area | null> {
    return loaders.area.byCode.load(checkAreaCode(code, 'code'));
  }

  @FieldResolver(() => Area, { nullable: true, description: 'The area one level up (上级区划); null for the city.' })
  parent(@Root() area: Area, @Ctx() { loaders }: Context): Promise<Area | null> | null {
    return area.parentId === null ? null : loaders.area.byId.load(area.parentId);
  }

  @FieldResolver(() => [Area], { description: 'The areas one level down (下级区划), in division-code order.' })
  children(@Root() area: Area, @Ctx() { loaders }: Context): Promise<Area[]> {
    return loaders.area.children.load(area.id);
  }
}
