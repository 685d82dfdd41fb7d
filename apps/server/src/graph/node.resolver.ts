import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { BadUserInputError } from '../errors/bad-user-input.error.js';
import { nodeLoader } from '../loaders.js';
import { fromGlobalId } from '../relay/cursor.js';
import { Node } from './node.js';

/** Most ids one `nodes` call may ask for: each is a row to read and return. */
export const MAX_NODE_IDS = 100;

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'Any object by its global id (按全局ID查询任意对象); null when the id is unknown or malformed, as Relay expects.',
  })
  node(@Arg('id', () => ID, { description: 'A global id, as returned in any `id` field.' }) id: string, @Ctx() { loaders }: Context): Promise<Node | null> | null {
    const parsed = fromGlobalId(id);
    const loader = parsed && nodeLoader(loaders, parsed.typeName);
    return loader ? (loader.load(parsed.id) as Promise<Node | null>) : null;
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `Several objects by global id, in the order asked (at most ${MAX_NODE_IDS}); null in place of an unknown or malformed id. Ids of one type are read in one statement.`,
  })
  nodes(@Arg('ids', () => [ID], { description: 'Global ids.' }) ids: string[], @Ctx() { loaders }: Context): Promise<(Node | null)[]> {
    if (ids.length > MAX_NODE_IDS) {
      throw new BadUserInputError(`At most ${MAX_NODE_IDS} ids per call (got ${ids.length}).`, {
        field: ['ids'],
        reason: 'TOO_MANY',
        localizedMessage: { zh: `每次最多查询 ${MAX_NODE_IDS} 个ID（当前 ${ids.length} 个）`, en: `At most ${MAX_NODE_IDS} ids per call (got ${ids.length}).` },
      });
    }
    return Promise.all(
      ids.map((id) => {
        const parsed = fromGlobalId(id);
        const loader = parsed && nodeLoader(loaders, parsed.typeName);
        return loader ? (loader.load(parsed.id) as Promise<Node | null>) : null;
      }),
    );
  }
}
