import { q1 } from './q1-nested.js';
import { q2DeepPage, q2FirstPage } from './q2-paginated.js';
import { q3 } from './q3-coverage.js';
import { q4 } from './q4-blind-spots.js';
import { q5 } from './q5-nodes.js';
import { w1 } from './w1-visit.js';
import type { Scenario } from './types.js';

/** In the order they run: the reads, then the write (whose rows would change later reads). */
export const SCENARIOS: readonly Scenario[] = [q1, q2FirstPage, q2DeepPage, q3, q4, q5, w1];

export function scenarioById(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}

export { VISITOR_PREFIX } from './w1-visit.js';
export type { FloorRequest, GraphQLBody, PrepareContext, Prepared, Scenario, Side } from './types.js';
