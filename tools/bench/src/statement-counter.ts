/**
 * Counts the SQL statements a server sends to PostgreSQL, whatever its driver: a TCP proxy
 * between the server and PostgreSQL that reads the frontend messages of the wire protocol and
 * counts each simple Query ('Q', one statement each here: none of the three servers sends
 * several in one string) and each Execute ('E', one run of a prepared or unnamed statement).
 * BEGIN / COMMIT are statements too and are counted: they are round trips the server chose to
 * make. The machine has no pg_stat_statements (not in shared_preload_libraries), and this
 * works the same for all three servers.
 *
 * Used only while counting (a few sequential requests per scenario): the hop costs CPU, so the
 * load runs connect the servers to PostgreSQL directly.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface StatementCounter {
  /** postgres://… URL that reaches PostgreSQL through the counter. */
  url: string;
  /** Statements (Query + Execute messages) since the last reset. */
  readonly statements: number;
  reset(): void;
  close(): Promise<void>;
}

export async function startStatementCounter(databaseUrl: string): Promise<StatementCounter> {
  const target = new URL(databaseUrl);
  const host = target.hostname || '127.0.0.1';
  const port = Number(target.port || 5432);
  let statements = 0;
  const sockets = new Set<Socket>();

  const server: Server = createServer((client) => {
    const upstream = connect(port, host);
    sockets.add(client).add(upstream);
    let buffer: Buffer = Buffer.alloc(0);
    let startup = true; // the first message (and an SSLRequest's follow-up) has no type byte
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      for (;;) {
        if (startup) {
          if (buffer.length < 8) break;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) break;
          const code = buffer.readInt32BE(4);
          buffer = buffer.subarray(length);
          // SSLRequest / GSSENCRequest are followed by the real startup message.
          if (code !== 80877103 && code !== 80877104) startup = false;
          continue;
        }
        if (buffer.length < 5) break;
        const length = buffer.readInt32BE(1);
        if (buffer.length < 1 + length) break;
        const type = buffer[0];
        if (type === 0x51 /* Q */ || type === 0x45 /* E */) statements++;
        buffer = buffer.subarray(1 + length);
      }
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const proxyPort = typeof address === 'object' && address ? address.port : 0;
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(proxyPort);
  return {
    url: url.toString(),
    get statements() {
      return statements;
    },
    reset() {
      statements = 0;
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
