import type pg from 'pg';

/** A GraphQL request body as sent over HTTP. */
export interface GraphQLBody {
  query: string;
  variables?: Record<string, unknown>;
}

/** What a scenario needs to build its requests: the database (read-only use) and the servers. */
export interface PrepareContext {
  db: pg.Client;
  /** The dataset's as-of date ('YYYY-MM-DD'): coverage questions are asked for it. */
  asOf: string;
  /** POST a GraphQL body to our server / PostGraphile (used to read cursors and node ids). */
  ours(body: GraphQLBody): Promise<any>;
  postgraphile(body: GraphQLBody): Promise<any>;
}

/**
 * One side of a scenario: the body sent on every request (autocannon repeats it verbatim; a
 * write gives `vary`, the n-th request's body), or why the question cannot be asked of that server.
 */
export type Side = { body: GraphQLBody; vary?: (n: number) => GraphQLBody } | { skip: string };

/** The floor: one hand-written statement; the floor server runs `sql` with `params`. */
export interface FloorRequest {
  params: unknown[];
  /** A write that must differ per request (the n-th request's params); reads repeat `params`. */
  vary?: (n: number) => unknown[];
}

export interface Prepared {
  ours: Side;
  postgraphile: Side;
  floor: FloorRequest;
  /** Maps each server's response to one canonical JSON value, compared for the same-data check. */
  normalise: {
    ours(response: any): unknown;
    postgraphile(response: any): unknown;
    floor(response: any): unknown;
  };
}

export interface Scenario {
  /** Short id used in URLs of the floor server and in the report: Q1, Q2a, …, W1. */
  id: string;
  title: string;
  /** A write: run after the reads, and its rows are removed at the end. */
  write?: boolean;
  /** The floor's statement, $1… bound to FloorRequest.params; returns one row with one json column `json`. */
  floorSql: string;
  prepare(ctx: PrepareContext): Promise<Prepared>;
}

/** `data` of a GraphQL response; throws on errors so the same-data check names the server. */
export function dataOf(response: any): any {
  if (!response || typeof response !== 'object') throw new Error(`not a GraphQL response: ${String(response)}`);
  if (response.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors).slice(0, 500)}`);
  return response.data;
}
