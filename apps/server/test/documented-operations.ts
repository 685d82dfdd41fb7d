import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';

/** The documented operations (docs/queries, compiled into @liangxin/schema), each with the fragments it spreads. */
export function documentedOperations(): { name: string; query: string; variables: Record<string, unknown> }[] {
  const dir = fileURLToPath(new URL('../../../docs/queries/', import.meta.url));
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.graphql'));
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: { operation: OperationDefinitionNode; text: string }[] = [];
  for (const file of files) {
    const text = readFileSync(`${dir}/${file}`, 'utf8');
    for (const definition of parse(text).definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
      if (definition.kind === Kind.OPERATION_DEFINITION) operations.push({ operation: definition, text });
    }
  }
  return operations.map(({ operation, text }) => {
    const used = new Map<string, DefinitionNode>();
    const collect = (node: DefinitionNode) =>
      visit(node, {
        FragmentSpread(spread) {
          const fragment = fragments.get(spread.name.value);
          if (fragment && !used.has(spread.name.value)) {
            used.set(spread.name.value, fragment);
            collect(fragment);
          }
        },
      });
    collect(operation);
    // The example in the file's comment: `#   variables: { ... }`.
    const example = /^#\s*variables:\s*(\{.*\})\s*$/m.exec(text);
    return {
      name: operation.name?.value ?? '(anonymous)',
      query: [operation, ...used.values()].map((d) => print(d)).join('\n\n'),
      variables: example ? (JSON.parse(example[1]!) as Record<string, unknown>) : {},
    };
  });
}
