import { describe, expect, it } from 'vitest';
import { breakingSections, checkSchemaChange, isAnnounced } from './breaking.js';

const BEFORE = /* GraphQL */ `
  type Area {
    code: String!
    name: String!
  }
  type Query {
    areas: [Area!]!
    area(code: String!): Area
  }
`;

/** BEFORE without Query.areas. */
const REMOVED = BEFORE.replace('areas: [Area!]!', '');

/** BEFORE with one more field. */
const ADDED = BEFORE.replace('name: String!', 'name: String!\n    level: String');

const EMPTY_CHANGELOG = `# Changelog

## Unreleased

### Breaking

### Added
`;

describe('checkSchemaChange', () => {
  it('refuses a removed field that the changelog does not announce', async () => {
    const result = await checkSchemaChange({ before: BEFORE, after: REMOVED, changelog: EMPTY_CHANGELOG });
    expect(result.refused).toEqual([{ path: 'Query.areas', type: 'FIELD_REMOVED', message: expect.stringContaining("'areas'") }]);
    expect(result.announced).toEqual([]);
  });

  it('lets a removed field through when a Breaking section names its path', async () => {
    const changelog = EMPTY_CHANGELOG.replace('### Breaking\n', '### Breaking\n\n- Removed `Query.areas`: use `area(code)` and `Area.children`.\n');
    const result = await checkSchemaChange({ before: BEFORE, after: REMOVED, changelog });
    expect(result.refused).toEqual([]);
    expect(result.announced.map((c) => c.path)).toEqual(['Query.areas']);
  });

  it('does not count a mention outside a Breaking section', async () => {
    const changelog = EMPTY_CHANGELOG.replace('### Added\n', '### Added\n\n- `Query.areas` got faster.\n');
    const result = await checkSchemaChange({ before: BEFORE, after: REMOVED, changelog });
    expect(result.refused.map((c) => c.path)).toEqual(['Query.areas']);
  });

  it('passes an added field as a safe change', async () => {
    const result = await checkSchemaChange({ before: BEFORE, after: ADDED, changelog: '' });
    expect(result.refused).toEqual([]);
    expect(result.announced).toEqual([]);
    expect(result.safe.map((c) => [c.type, c.path])).toEqual([['FIELD_ADDED', 'Area.level']]);
  });

  it('refuses a new required argument and a removed enum value, each by its own path', async () => {
    const before = 'enum Level { CITY DISTRICT } type Query { areas(level: Level): [String!]! }';
    const after = 'enum Level { CITY } type Query { areas(level: Level, parentCode: String!): [String!]! }';
    const result = await checkSchemaChange({ before, after, changelog: '## Breaking\n\n- `Level.DISTRICT` removed\n' });
    expect(result.announced.map((c) => c.path)).toEqual(['Level.DISTRICT']);
    expect(result.refused.map((c) => c.path)).toEqual(['Query.areas.parentCode']);
  });
});

describe('breakingSections', () => {
  it('reads every Breaking section, at any heading level, up to the next heading of its level or above', () => {
    const text = breakingSections(
      [
        '# Changelog',
        '## Unreleased',
        '### Breaking',
        '- `Query.a` removed',
        '#### detail',
        '- `Query.b` removed',
        '### Added',
        '- `Query.c`',
        '## Breaking',
        '- `Query.d` removed',
        '## 0.1.0',
        '- `Query.e`',
      ].join('\n'),
    );
    expect(['Query.a', 'Query.b', 'Query.c', 'Query.d', 'Query.e'].filter((p) => isAnnounced(p, text))).toEqual(['Query.a', 'Query.b', 'Query.d']);
  });

  it('ignores HTML comments, so explaining the convention announces nothing', () => {
    expect(breakingSections('### Breaking\n<!-- e.g. - Removed `Query.areas` -->\n')).not.toContain('Query.areas');
  });
});

describe('isAnnounced', () => {
  it('matches whole coordinates only', () => {
    expect(isAnnounced('Query.areas', '- Removed `Query.areas`.')).toBe(true);
    expect(isAnnounced('Query.areas', '- Query.areas (use area)')).toBe(true);
    expect(isAnnounced('Query.areas', '- Removed `Query.areasByCode`')).toBe(false);
    expect(isAnnounced('Query.areas', '- Removed `Query.areas.level`')).toBe(false);
    expect(isAnnounced('Query.areas', '- Removed `XQuery.areas`')).toBe(false);
  });
});
