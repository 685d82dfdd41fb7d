import { parseCreditCode } from '@liangxin/domain';
import { describe, expect, it } from 'vitest';
import { InvalidDatasetOptionError } from './errors.js';
import { generateDataset, type Generated } from './generate.js';
import { idNumberCheck } from './tables.js';

const small = { scale: 0.02, seed: 7, asOf: '2026-11-28' };

function text(g: Generated, name: string): string {
  const table = g.tables.find((t) => t.name === name)!;
  let out = '';
  const it = table.chunks();
  for (let r = it.next(); !r.done; r = it.next()) out += r.value;
  return out;
}

function rows(g: Generated, name: string): string[][] {
  return text(g, name)
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t'));
}

describe('generateDataset', () => {
  it('is deterministic: same scale, seed and date give the same bytes', () => {
    const a = generateDataset(small);
    const b = generateDataset(small);
    expect(a.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(b.checksum).toBe(a.checksum);
    expect(b.rowCounts).toEqual(a.rowCounts);
    // Iterating a table twice gives the same text (rows are re-derived, not consumed).
    expect(text(a, 'visit')).toBe(text(a, 'visit'));
  });

  it('changes with the seed and with the date', () => {
    const base = generateDataset(small).checksum;
    expect(generateDataset({ ...small, seed: 8 }).checksum).not.toBe(base);
    expect(generateDataset({ ...small, asOf: '2026-11-27' }).checksum).not.toBe(base);
  });

  it('keeps the geography fixed across scales and the counts proportional', () => {
    const a = generateDataset({ ...small, scale: 0.01 });
    const b = generateDataset({ ...small, scale: 0.03 });
    expect(text(a, 'area')).toBe(text(b, 'area'));
    expect(text(a, 'work_group_member')).toBe(text(b, 'work_group_member'));
    expect(a.rowCounts.organization).toBe(600);
    expect(b.rowCounts.organization).toBe(1800);
    // Quick modes shrink the containers but keep the 10 parks of provincial level or above.
    expect(rows(a, 'park').filter((r) => r[2] !== 'MUNICIPAL')).toHaveLength(10);
    expect(a.rowCounts.building).toBeLessThan(20);
  });

  it('writes valid credit codes, registered in the organization’s district', () => {
    const g = generateDataset(small);
    const districts = new Map(rows(g, 'area').filter((r) => r[3] === 'DISTRICT').map((r) => [r[0], r[1]]));
    const streets = new Map(rows(g, 'area').filter((r) => r[3] === 'STREET').map((r) => [r[0], r[4]]));
    const codes = new Set<string>();
    for (const r of rows(g, 'organization')) {
      const parsed = parseCreditCode(r[1]);
      expect(parsed.ok, r[1]).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.value.divisionCode).toBe(districts.get(streets.get(r[9])!));
      expect(r[3]).toBe(parsed.value.authorityChar === '5' ? 'SOCIAL' : 'NON_PUBLIC_ECONOMIC');
      codes.add(r[1]);
    }
    expect(codes.size).toBe(g.rowCounts.organization);
  });

  it('writes unique identity numbers with a valid ISO 7064 check', () => {
    const g = generateDataset(small);
    const ids = rows(g, 'party_member').map((r) => r[5]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9]{17}[0-9X]$/);
      expect(id[17]).toBe(idNumberCheck(id.slice(0, 17)));
    }
    // The standard's example: 11010519491231002X.
    expect(idNumberCheck('11010519491231002')).toBe('X');
  });

  it('never writes a tab, newline or backslash inside a value', () => {
    const g = generateDataset(small);
    for (const table of g.tables) {
      const width = table.columns.length;
      for (const line of text(g, table.name).split('\n').filter(Boolean)) {
        const cells = line.split('\t');
        expect(cells.length, `${table.name}: ${line}`).toBe(width);
        for (const c of cells) if (c !== '\\N') expect(c.includes('\\'), `${table.name}: ${line}`).toBe(false);
      }
    }
  });

  it.each([
    [{ scale: -1 }, 'scale'],
    [{ scale: 0 }, 'scale'],
    [{ scale: Number.NaN }, 'scale'],
    [{ scale: Number.POSITIVE_INFINITY }, 'scale'],
    [{ scale: 'abc' as unknown as number }, 'scale'],
    [{ scale: 1000 }, 'scale'],
    [{ seed: 1.5 }, 'seed'],
    [{ seed: 2 ** 40 }, 'seed'],
    [{ asOf: '2026-02-30' }, 'asOf'],
    [{ asOf: '28.11.2026' }, 'asOf'],
  ])('refuses %j with a bilingual message', (bad, option) => {
    try {
      generateDataset({ ...small, ...bad });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidDatasetOptionError);
      expect((error as InvalidDatasetOptionError).option).toBe(option);
      expect((error as InvalidDatasetOptionError).localized.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
