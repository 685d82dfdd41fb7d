// The documented operations of docs/queries as GraphiQL tabs: each operation with the fragments
// it spreads (they live in their own files there) and the example variables its header comment
// gives (`#   variables: { … }`). Read at build time (Vite ?raw), so the explorer works offline.

export interface Example {
  name: string;
  query: string;
  variables?: string;
}

const files = import.meta.glob('../../../../../docs/queries/**/*.graphql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export function examplesFrom(sources: string[]): Example[] {
  const fragments = new Map<string, string>();
  const operations: string[] = [];
  for (const text of sources) {
    const op = /^\s*(query|mutation|subscription)\s+(\w+)/m.exec(text);
    if (op) operations.push(text);
    else for (const m of text.matchAll(/^fragment\s+(\w+)/gm)) fragments.set(m[1]!, text.trim());
  }
  return operations
    .map((text) => {
      const name = /^\s*(?:query|mutation|subscription)\s+(\w+)/m.exec(text)![1]!;
      const variables = /^#\s+variables:\s*(\{.*\})\s*$/m.exec(text)?.[1];
      const used = new Set<string>();
      // Fragments may spread fragments: follow them until nothing new turns up.
      let pending = [...text.matchAll(/\.\.\.(\w+)/g)].map((m) => m[1]!);
      while (pending.length) {
        const next: string[] = [];
        for (const f of pending) {
          if (used.has(f) || !fragments.has(f)) continue;
          used.add(f);
          next.push(...[...fragments.get(f)!.matchAll(/\.\.\.(\w+)/g)].map((m) => m[1]!));
        }
        pending = next;
      }
      const query = [text.trim(), ...[...used].map((f) => fragments.get(f)!)].join('\n\n') + '\n';
      return { name, query, variables: variables ? JSON.stringify(JSON.parse(variables), null, 2) : undefined };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const EXAMPLES: Example[] = examplesFrom(Object.values(files));
