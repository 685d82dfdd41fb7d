/**
 * The floor: what answering each scenario costs when nothing stands between HTTP and PostgreSQL
 * but a hand-written statement. node:http + a pg Pool (10 connections, as the other servers);
 * POST /<scenario id> with a JSON array of parameters runs that scenario's one statement (each
 * builds its whole answer with json_agg) and writes its json column as the body, unparsed.
 * Spawned by the suite as its own process, so its memory is its own.
 *
 *   DATABASE_URL=… PORT=… node dist/floor-server.js
 */
import { createServer } from 'node:http';
import pg from 'pg';
import { scenarioById } from './scenarios/index.js';

// json and date columns come back as text: the statement's JSON is sent as PostgreSQL wrote it.
pg.types.setTypeParser(pg.types.builtins.JSON, (v) => v);

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
pool.on('error', () => {}); // an idle client lost with the database; the next query reconnects

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') {
    res.writeHead(200).end('ok');
    return;
  }
  const scenario = req.method === 'POST' ? scenarioById((req.url ?? '').slice(1)) : undefined;
  if (!scenario) {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    let params: unknown[];
    try {
      params = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown[];
    } catch {
      res.writeHead(400).end();
      return;
    }
    pool.query(scenario.floorSql, params).then(
      (result) => {
        const body = (result.rows[0]?.json as string | undefined) ?? 'null';
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
      },
      (error: Error) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(error.message);
      },
    );
  });
});

server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
