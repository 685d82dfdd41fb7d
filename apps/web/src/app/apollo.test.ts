// @vitest-environment node
import { buildSchema, isAbstractType } from 'graphql';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { possibleTypes } from './apollo';

describe('possibleTypes', () => {
  it('matches the interfaces and unions of the committed schema', () => {
    const schema = buildSchema(readFileSync(new URL('../../../../packages/schema/schema.graphql', import.meta.url), 'utf8'));
    const fromSchema: Record<string, string[]> = {};
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !isAbstractType(type)) continue;
      fromSchema[type.name] = schema
        .getPossibleTypes(type)
        .map((t) => t.name)
        .sort();
    }
    expect(possibleTypes).toEqual(fromSchema);
  });
});
