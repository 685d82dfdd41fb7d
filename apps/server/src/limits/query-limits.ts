import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ASTVisitor, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * Limits on a GraphQL document, checked while it is parsed and validated — before the context's
 * loaders run a single statement. Each default lets every query of docs/analyst-guide.md and
 * docs/queries through with room to spare (measured: depth ≤ 11 for the depth-5 analyst query,
 * aliases ≤ 5, no directives, ≤ 200 tokens, cost ≤ 587,000 for DistrictsWithStreets, 1.1 million for the city → districts → streets coverage query of coverage-sums.test.ts).
 */
export interface QueryLimits {
  /** Deepest field nesting; fragments flattened, introspection counted (a standard introspection query is 15). */
  maxDepth: number;
  /** Aliases per operation (`__typename` aliases are free). */
  maxAliases: number;
  /** Directives per operation. */
  maxDirectives: number;
  /** Lexical tokens per document: the parser stops at this many. */
  maxTokens: number;
  /**
   * graphql-armor's cost: 2 per object field, 1 per leaf, ×1.5 per level, × a literal `first` /
   * `last` of a list. A `first` given as a variable counts as 1 (validation does not see
   * variables); the per-level page cap of 100 bounds it.
   */
  maxCost: number;
  /** Longest string value, as a literal in the document or in the variables (UTF-16 units). */
  maxStringLength: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 20,
  maxAliases: 30,
  maxDirectives: 20,
  maxTokens: 5000,
  maxCost: 20_000_000,
  maxStringLength: 10_000,
};

export interface QueryProtection {
  parseOptions: ParseOptions;
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin[];
}

/**
 * What ApolloServer gets for the limits: the token limit in the parser (GRAPHQL_PARSE_FAILED),
 * depth, aliases, directives and cost as graphql-armor's validation rules and the string length
 * as ours (GRAPHQL_VALIDATION_FAILED), string variables checked before execution
 * (BAD_USER_INPUT), and "Did you mean …?" taken out of every error message.
 */
export function queryProtection(limits: Partial<QueryLimits> = {}): QueryProtection {
  const l = { ...DEFAULT_QUERY_LIMITS, ...limits };
  const armor = new ApolloArmor({
    maxDepth: { n: l.maxDepth, flattenFragments: true, ignoreIntrospection: false },
    maxAliases: { n: l.maxAliases },
    maxDirectives: { n: l.maxDirectives },
    costLimit: { maxCost: l.maxCost, flattenFragments: true, ignoreIntrospection: false },
    // Ours instead: the parser's own token limit answers GRAPHQL_PARSE_FAILED, where armor's
    // plugin throws out of Apollo's parsing hook; and the suggestion mask below leaves no "?".
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    parseOptions: { maxTokens: l.maxTokens },
    validationRules: [...armor.validationRules, maxStringLengthRule(l.maxStringLength)],
    // armor.plugins is empty with the two protections above off (its typings are Apollo's CJS ones).
    plugins: [stringVariablesPlugin(l.maxStringLength), noSuggestionsPlugin()],
  };
}

/** A string literal longer than `max` in the document. */
export function maxStringLengthRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    StringValue(node) {
      if (node.value.length > max) {
        context.reportError(new GraphQLError(`String value too long: ${node.value.length} characters, at most ${max}.`, { nodes: [node] }));
      }
    },
  });
}

/** A string longer than `max` anywhere in the variables: refused after validation, before execution. */
function stringVariablesPlugin(max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request }) {
          const path = longString(request.variables, max, []);
          if (path) {
            throw new GraphQLError(`Variable "$${path.join('.')}" is too long: at most ${max} characters.`, {
              extensions: { code: 'BAD_USER_INPUT', reason: 'TOO_LONG', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

function longString(value: unknown, max: number, path: (string | number)[]): (string | number)[] | null {
  if (typeof value === 'string') return value.length > max ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = longString(value[i], max, [...path, i]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = longString(item, max, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Field suggestions off: graphql-js ends validation messages with `Did you mean "name"?`, which
 * lets anyone map the schema by probing. Off for everyone for now; once introspection is for
 * signed-in users only (docs/security.md) this should spare them.
 */
function noSuggestionsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (error.message.includes('Did you mean')) (error as { message: string }).message = error.message.replace(/\s*Did you mean [\s\S]*\?\s*$/, '');
          }
        },
      };
    },
  };
}
