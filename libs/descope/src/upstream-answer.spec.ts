import DescopeSdk from '@descope/node-sdk';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { pooledFetch } from './pooled-fetch';
import { UpstreamAnswer } from './upstream-answer';

describe('UpstreamAnswer', () => {
  it('reads headers as Headers.get does, and its text and JSON', async () => {
    const answer = new UpstreamAnswer(
      201,
      { 'set-cookie': ['a=1', 'b=2'], etag: '"x"' },
      '{"a":1}',
    );
    expect([answer.ok, answer.status, answer.body]).toEqual([true, 201, null]);
    expect(answer.headers.get('Set-Cookie')).toBe('a=1, b=2');
    expect(answer.headers.get('ETag')).toBe('"x"');
    expect(answer.headers.has('etag')).toBe(true);
    expect(answer.headers.get('missing')).toBeNull();
    expect(await answer.text()).toBe('{"a":1}');
    expect(await answer.json()).toEqual({ a: 1 });
    await expect(new UpstreamAnswer(502, {}, '<html>').json()).rejects.toThrow(SyntaxError);
    expect(new UpstreamAnswer(400, {}, '').ok).toBe(false);
  });
});

describe('pooledFetch under the SDK', () => {
  it('serves the SDK: a sign-in answer with its refresh token in a Set-Cookie', async () => {
    const server = createServer((request, response) => {
      request.resume();
      response.setHeader('set-cookie', ['DSR=refresh-from-cookie; Path=/; HttpOnly']);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ sessionJwt: 'session', user: { userId: 'U1' } }));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const agent = new Agent();
    const sdk = DescopeSdk({
      projectId: 'P2abcdefghijklmnopqrstuvwxyz01',
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      fetch: pooledFetch(agent),
    });
    const answer = await sdk.password.signIn('a@example.com', 'Secret-Pass-1');
    expect(answer.ok).toBe(true);
    expect(answer.data).toMatchObject({ sessionJwt: 'session', refreshJwt: 'refresh-from-cookie' });
    await agent.close();
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });
});
