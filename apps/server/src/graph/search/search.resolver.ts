import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { nodeLoader } from '../../loaders.js';
import { PageArgs } from '../connection.js';
import { checkSearchText, rankedHits, searchPage } from './search.js';
import { MAX_SEARCH_HITS, SearchResultConnection, SearchType, type SearchNode, type SearchResultEdge } from './search.types.js';

@Resolver()
export class SearchResolver {
  @Query(() => SearchResultConnection, {
    description: `Finds organizations, Party organizations, areas, parks, buildings and business districts by name or code (按名称或代码搜索): an exact unified social credit code or division code ranks first, then an exact name, names starting with the text, codes starting with it, names containing it, similar names. Case-insensitive; Chinese works. At most ${MAX_SEARCH_HITS} hits (see \`truncated\`); when a text is found in very many names, the names containing it are ranked from the first 2,000 found of each kind: make the text more specific.`,
  })
  async search(
    @Arg('text', () => String, { description: 'A name or part of one, or a credit code or division code (or the start of one); 1 to 100 characters.' })
    text: string,
    @Arg('types', () => [SearchType], { nullable: true, description: 'Only these kinds of object (default: all).' }) types: SearchType[] | null | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { db, loaders }: Context,
  ): Promise<SearchResultConnection> {
    const trimmed = checkSearchText(text);
    // Refuse bad page arguments before any statement is sent.
    searchPage([], trimmed, types, page);
    const result = searchPage(await rankedHits(db, trimmed, types), trimmed, types, page);
    // The page's objects through the by-id loaders: one statement per kind, shared with the
    // rest of the request.
    const nodes = await Promise.all(
      result.hits.map(({ hit }) => nodeLoader(loaders, hit.typeName)?.load(hit.id) as Promise<SearchNode | null> | undefined),
    );
    const edges: SearchResultEdge[] = [];
    result.hits.forEach(({ hit, cursor }, i) => {
      const node = nodes[i];
      // A row deleted between the two statements is left out.
      if (node) edges.push({ cursor, node, match: hit.match, score: hit.score });
    });
    return {
      edges,
      nodes: edges.map((e) => e.node),
      pageInfo: {
        hasNextPage: result.hasNextPage,
        hasPreviousPage: result.hasPreviousPage,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
      totalCount: result.totalCount,
      truncated: result.truncated,
    };
  }
}
