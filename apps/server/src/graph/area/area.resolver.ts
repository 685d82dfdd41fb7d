import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { raw, sql, type Sql } from '../../sql/fragment.js';
import { PageArgs, type ConnectionValue } from '../connection.js';
import { AreaLevel } from '../enums.js';
import { isWholeRow } from '../../db/table-shape.js';
import { findPage } from '../list.js';
import { rowExtras } from '../row-extras.js';
import { listSelection, readsFromParent } from '../selected-columns.js';
import { checkAreaCode } from './area-code.js';
import { Area } from './area.entity.js';
import { optionalRow } from '../required.js';
import { AreaConnection, AreaFilter, AreaOrder, areaConditions, areaOrder } from './area.input.js';

const filterArg = () => Arg('filter', () => AreaFilter, { nullable: true, description: 'Conditions on the areas.' });
const orderArg = () => Arg('orderBy', () => AreaOrder, { nullable: true, description: 'Order (default: by division code).' });

type Filter = AreaFilter | null | undefined;
type Order = AreaOrder | null | undefined;

/** A to-many relation to areas, batched over all parents of one level (ctx.loaders.pages). */
async function areaRelation(
  ctx: Context,
  name: string,
  parent: (parentId: Sql) => Sql,
  parentId: number,
  filter: Filter,
  orderBy: Order,
  page: PageArgs,
  info: GraphQLResolveInfo,
): Promise<ConnectionValue<Area>> {
  const selection = listSelection(info, Area);
  const connection = await ctx.loaders.pages.load(
    { key: `${name}|${JSON.stringify(filter ?? null)}`, entity: Area, alias: 'a', parent, where: () => areaConditions(filter, ['filter']), order: areaOrder(orderBy) },
    page,
    parentId,
    selection.withCount,
    selection.needs,
    [],
    rowExtras(info, Area, ctx),
  );
  // By code too; only whole rows (a list that fetched some columns holds partial ones).
  for (const area of connection.nodes) if (isWholeRow(area, Area)) ctx.loaders.area.prime(area);
  return connection;
}

@Resolver(() => Area)
export class AreaResolver {
  @Query(() => AreaConnection, {
    description:
      'Areas (行政区划), in division-code order unless `orderBy` says otherwise: all of them, or of one level, and/or directly under the area with code `parentCode`, and/or under a filter. An unknown parent gives an empty list.',
  })
  async areas(
    @Arg('level', () => AreaLevel, { nullable: true, description: 'Only areas of this level.' }) level: AreaLevel | null | undefined,
    @Arg('parentCode', () => String, { nullable: true, description: 'Only the children of this area (division code).' })
    parentCode: string | null | undefined,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<Area>> {
    const { db, loaders } = ctx;
    const where = areaConditions(filter, ['filter']);
    if (level) where.push(sql`a.level = ${level}`);
    if (parentCode != null) {
      // Unknown code: the sub-select yields NULL and nothing matches.
      where.push(sql`a.parent_id = (SELECT id FROM area WHERE code = ${checkAreaCode(parentCode, 'parentCode')})`);
    }
    // Without a filter the statement is one of a few texts (level, parent code): prepared.
    const prepared = filter == null;
    const selection = listSelection(info, Area);
    // findPage hands over the rows only when they are whole.
    const primeByIdAndCode = (areas: readonly object[]) => areas.forEach((area) => loaders.area.prime(area as Area));
    return findPage(db, { entity: Area, alias: 'a', where, order: areaOrder(orderBy), prepared }, page, primeByIdAndCode, selection.withCount, selection.needs, [], rowExtras(info, Area, ctx));
  }

  @Query(() => Area, { nullable: true, description: 'The area (行政区划) with this division code, e.g. "370102" (历下区); null if none.' })
  area(
    @Arg('code', () => String, { description: 'Administrative division code (行政区划代码).' }) code: string,
    @Ctx() { loaders }: Context,
  ): Promise<Area | null> {
    return loaders.area.byCode.load(checkAreaCode(code, 'code'));
  }

  @FieldResolver(() => Area, { nullable: true, description: 'The area one level up (上级区划); null for the city.' })
  parent(@Root() area: Area, @Ctx() { loaders }: Context): Area | null | Promise<Area | null> {
    return optionalRow(loaders.area.byId, area.parentId);
  }

  @FieldResolver(() => AreaConnection, {
    description: 'The areas one level down (下级区划: districts of the city, streets of a district, communities of a street); not further descendants.',
  })
  children(
    @Root() area: Area,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<Area>> {
    return areaRelation(ctx, 'Area.children', (id) => sql`a.parent_id = ${id}`, area.id, filter, orderBy, page, info);
  }

  @FieldResolver(() => AreaConnection, {
    description:
      'The streets and towns (街道 / 镇) beneath this area, at any depth: all of them for the city, its own for a district; empty for a street or a community.',
  })
  streets(
    @Root() area: Area,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<Area>> {
    return areaRelation(
      ctx,
      'Area.streets',
      (id) => sql`${raw("a.level = 'STREET'")} AND a.path @> ARRAY[${id}]::int[] AND a.id <> ${id}`,
      area.id,
      filter,
      orderBy,
      page,
      info,
    );
  }
}

// Only the columns a query's area fields read are fetched by the area lists (selected-columns.ts).
readsFromParent(Area, { parent: ['parentId'], children: [], streets: [] });
