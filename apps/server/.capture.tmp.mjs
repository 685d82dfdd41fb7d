import 'reflect-metadata';
import { createServer } from '/work/main/apps/server/dist/server.js';
import { readFileSync } from 'node:fs';
const server = await createServer({ databaseUrl: process.env.DATABASE_URL, sessionSecret: 'x'.repeat(40) });
const l = await server.listen(0, '127.0.0.1');
const { signAdminToken } = await import('/work/main/tools/bench/dist/session-token.js');
const token = await signAdminToken('x'.repeat(40));
const body = process.argv[2].endsWith('.json') ? readFileSync(process.argv[2], 'utf8') : JSON.stringify({ query: readFileSync(process.argv[2], 'utf8') });
const { result, statements } = await server.statements.capture(async () => {
  const r = await fetch(l.url + '/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token }, body });
  return r.text();
});
console.log(result.slice(0, 200));
for (const s of statements) console.log('---\n' + s);
await server.close();
