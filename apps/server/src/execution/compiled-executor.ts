import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  execute,
  getNamedType,
  getVariableValues,
  GraphQLError,
  isInputObjectType,
  typeFromAST,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * Executes operations with graphql-jit instead of graphql-js's interpreter. graphql-js walks the
 * document anew for every object of a response: it coerces each field's arguments, builds a
 * path and a results object, and wraps lists of promises, per field and per object; on a nested
 * analyst query of a few thousand objects that was about a third of the server's allocations
 * (measured with a heap-sampling profile; apps/server/README.md, "Execution"). graphql-jit turns each operation into a function
 * once — arguments that do not depend on variables coerced once, no per-field bookkeeping — and
 * that function is reused for every request of the same document.
 *
 * Apollo Server parses, validates (with our limits) and authorizes exactly as before; only the
 * execution step is replaced, through the executor hook Apollo keeps for gateways. Documents are
 * cached by identity: Apollo's document store hands the same DocumentNode for the same query
 * text, and a WeakMap lets a document evicted from that store be collected with its function.
 */
export function compiledExecution(schema: GraphQLSchema): GatewayInterface {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult | typeof INTERPRETED>>();

  const compile = (document: DocumentNode, operation: OperationDefinitionNode, operationName: string | undefined) => {
    let byOperation = compiled.get(document);
    if (!byOperation) compiled.set(document, (byOperation = new Map()));
    const key = operationName ?? '';
    let query = byOperation.get(key);
    if (!query) {
      query = takesInputObjects(schema, operation)
        ? INTERPRETED
        : compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
      byOperation.set(key, query);
    }
    return query;
  };

  const executor: GatewayExecutor = async (requestContext) => {
    const { document, operation } = requestContext;
    const operationName = requestContext.operationName ?? undefined;
    const query = compile(document, operation, operationName);
    if (query === INTERPRETED) {
      return (await execute({
        schema,
        document,
        contextValue: requestContext.context,
        variableValues: requestContext.request.variables,
        operationName,
      })) as never;
    }
    if (!isCompiledQuery(query)) return query as ExecutionResult as never;
    const variables = requestContext.request.variables ?? {};
    const result = await query.query(undefined, requestContext.context, variables);
    if (!('data' in result) && result.errors) {
      // A request error before execution: the variables do not fit their types. graphql-js's own
      // errors for them carry the variable's definition, by which Apollo answers BAD_USER_INPUT
      // naming the variable (graphql-jit's do not), so the variables are coerced again by graphql-js
      // to report them — only on this path, which costs nothing on a good request.
      const coerced = getVariableValues(schema, requestContext.operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
      if (coerced.errors) return { errors: coerced.errors } as never;
    }
    if (result.errors) return { ...result, errors: result.errors.map(asGraphQLError) } as never;
    return result as never;
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async load() {
      return { executor };
    },
    async stop() {},
  };
}

/**
 * graphql-jit reports a field's error in an object of its own that inherits from graphql-js's
 * GraphQLError but has no `extensions` when the thrown error had none. Apollo reads
 * `error.extensions.code` and, failing, answers a bare "Internal server error" without our
 * formatError (no path, no request id, nothing logged). Each error becomes graphql-js's own, with
 * the same message, locations, path, original error and extensions.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const original = error.originalError as (Error & { extensions?: GraphQLError['extensions'] }) | undefined;
  const made = new GraphQLError(error.message, {
    path: error.path,
    originalError: original,
    extensions: error.extensions ?? original?.extensions,
  });
  // graphql-js computes locations from AST nodes, which graphql-jit does not keep: copy them.
  if (error.locations) (made as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return made;
}

const INTERPRETED = Symbol('run by graphql-js');

/**
 * graphql-jit generates the coercion of each variable from its type, expanding input objects
 * field by field; our filters nest (`and`, `or`, `not` take filters), and that expansion does not
 * end (it exhausts the heap compiling `query ($f: AreaFilter)`). Operations with an input-object
 * variable are therefore run by graphql-js; filters written inline in the document, and variables of
 * scalar, enum and list types, compile.
 */
function takesInputObjects(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  return (operation.variableDefinitions ?? []).some((definition) => {
    const type = typeFromAST(schema, definition.type as Parameters<typeof typeFromAST>[1]);
    return type !== undefined && isInputObjectType(getNamedType(type));
  });
}
