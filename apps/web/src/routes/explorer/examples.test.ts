import { describe, expect, it } from 'vitest';
import { EXAMPLES, examplesFrom } from './examples';

describe('explorer examples', () => {
  it('are the operations of docs/queries, each with the fragments it spreads and its example variables', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(9);
    const byCode = EXAMPLES.find((e) => e.name === 'AreaByCode');
    expect(byCode?.query).toContain('fragment AreaSummary on Area');
    expect(JSON.parse(byCode?.variables ?? '{}')).toEqual({ code: '370102' });
  });

  it('follows fragments that spread fragments', () => {
    const [example] = examplesFrom(['query Q { area(code: "1") { ...A } }', 'fragment A on Area { parent { ...B } }', 'fragment B on Area { code }']);
    expect(example?.query).toContain('fragment A');
    expect(example?.query).toContain('fragment B');
  });
});
