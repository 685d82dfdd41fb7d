import { describe, expect, it } from 'vitest';
import { StatementCounter, StatementTally } from './statement-counter.js';

describe('StatementCounter', () => {
  it('captures every statement while a function runs, in order', async () => {
    const counter = new StatementCounter();
    counter.record('SELECT 0');
    const { result, statements } = await counter.capture(async () => {
      counter.record('SELECT 1');
      await new Promise((resolve) => setTimeout(resolve, 1));
      counter.record('SELECT 2');
      return 'done';
    });
    counter.record('SELECT 3');
    expect(result).toBe('done');
    expect(statements).toEqual(['SELECT 1', 'SELECT 2']);
    expect(counter.total).toBe(4);
  });

  it('attributes statements to the async context that issued them', async () => {
    const counter = new StatementCounter();
    const a = new StatementTally();
    const b = new StatementTally();
    const work = async (n: number) => {
      for (let i = 0; i < n; i++) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        counter.record(`SELECT ${i}`);
      }
    };
    await Promise.all([counter.track(a, () => work(3)), counter.track(b, () => work(5))]);
    counter.record('SELECT outside');
    expect([a.count, b.count]).toEqual([3, 5]);
    expect(a.statements).toEqual([]); // a request's tally keeps only the count
  });
});
