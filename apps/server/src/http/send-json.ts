import type { ServerResponse } from 'node:http';

/**
 * Answers `body` as JSON with `status`, byte for byte as Express's `res.status(s).json(b)` does
 * (the same content type and length), on a plain ServerResponse — so the POST /graphql path that
 * runs without Express (graphql-post.ts) and the Express routes answer alike.
 */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}
