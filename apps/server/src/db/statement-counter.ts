import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Counts the SQL statements a DataSource sends. Two views:
 *
 * - `track(tally, fn)`: statements issued from `fn`'s async context (one HTTP request: the
 *   request log line reports them, so an N+1 shows in production logs, not only in tests);
 * - `capture(fn)`: every statement on the DataSource while `fn` runs, whoever issues it (tests
 *   that send a request over HTTP and assert how many statements it cost).
 *
 * Fed by the TypeORM logger (`DbLogger.logQuery`), which TypeORM calls once per statement
 * before sending it, including BEGIN/COMMIT of transactions.
 */
export class StatementCounter {
  readonly #scope = new AsyncLocalStorage<StatementTally>();
  readonly #captures = new Set<StatementTally>();
  readonly #current: (() => StatementTally | undefined) | undefined;
  #total = 0;

  /**
   * `current`: where the tally of the running request is found when the caller keeps one already
   * (the server's request scope). Then `track` adds no AsyncLocalStorage of its own: each one
   * costs every promise of every request a little (measured: about a tenth of the CPU of a
   * 112-street coverage request).
   */
  constructor(current?: () => StatementTally | undefined) {
    this.#current = current;
  }

  /** Statements sent since the DataSource was created. */
  get total(): number {
    return this.#total;
  }

  record(sql: string): void {
    this.#total++;
    (this.#current ? this.#current() : this.#scope.getStore())?.record(sql);
    for (const tally of this.#captures) tally.record(sql);
  }

  /** Runs `fn` so that statements issued from its async context land in `tally`. */
  track<T>(tally: StatementTally, fn: () => T): T {
    return this.#current ? fn() : this.#scope.run(tally, fn);
  }

  /** Runs `fn` and returns every statement sent on the DataSource meanwhile, in order. */
  async capture<T>(fn: () => Promise<T>): Promise<{ result: T; statements: readonly string[] }> {
    const tally = new StatementTally({ keepText: true });
    this.#captures.add(tally);
    try {
      const result = await fn();
      return { result, statements: tally.statements };
    } finally {
      this.#captures.delete(tally);
    }
  }
}

export class StatementTally {
  #count = 0;
  readonly #statements: string[] | undefined;

  /** `keepText` keeps each statement's SQL (tests); a request only needs the count. */
  constructor(options: { keepText?: boolean } = {}) {
    this.#statements = options.keepText ? [] : undefined;
  }

  get count(): number {
    return this.#count;
  }

  get statements(): readonly string[] {
    return this.#statements ?? [];
  }

  record(sql: string): void {
    this.#count++;
    this.#statements?.push(sql);
  }
}
