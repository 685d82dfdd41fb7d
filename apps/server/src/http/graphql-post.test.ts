import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createGraphqlPost } from './graphql-post.js';

/** Which requests the direct path takes (server.test.ts checks that it answers them as Express does). */
describe('createGraphqlPost().takes', () => {
  const post = createGraphqlPost({ bodyLimitBytes: 1000 } as Parameters<typeof createGraphqlPost>[0]);
  const request = (headers: Record<string, string>, method = 'POST', url = '/graphql') =>
    ({ method, url, headers: { 'content-type': 'application/json', 'content-length': '20', ...headers } }) as unknown as IncomingMessage;

  it('takes a JSON POST to /graphql with a length within the limit', () => {
    expect(post.takes(request({}))).toBe(true);
    expect(post.takes(request({ 'content-type': 'application/json; charset=utf-8' }))).toBe(true);
    expect(post.takes(request({ 'content-type': 'Application/JSON;charset="UTF-8"' }))).toBe(true);
    expect(post.takes(request({ 'content-length': '1000' }))).toBe(true);
  });

  it('leaves everything else to Express', () => {
    expect(post.takes(request({}, 'GET'))).toBe(false);
    expect(post.takes(request({}, 'POST', '/graphql?query=x'))).toBe(false);
    expect(post.takes(request({}, 'POST', '/graphql/'))).toBe(false);
    expect(post.takes(request({ 'content-type': 'text/plain' }))).toBe(false);
    expect(post.takes(request({ 'content-type': 'application/json; charset=latin1' }))).toBe(false);
    expect(post.takes(request({ 'content-type': 'application/graphql' }))).toBe(false);
    expect(post.takes(request({ 'content-encoding': 'gzip' }))).toBe(false);
    expect(post.takes(request({ 'content-length': '1001' }))).toBe(false);
    expect(post.takes(request({ 'content-length': '0' }))).toBe(false);
    const chunked = request({ 'transfer-encoding': 'chunked' });
    delete chunked.headers['content-length'];
    expect(post.takes(chunked)).toBe(false);
  });
});
