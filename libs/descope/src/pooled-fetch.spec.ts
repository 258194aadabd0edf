import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Agent, EnvHttpProxyAgent } from 'undici';
import { boundedFetch } from './bounded-fetch';
import { pooledFetch, upstreamAgent } from './pooled-fetch';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

describe('pooledFetch', () => {
  let server: Server;
  let origin: string;
  let handler: Handler;
  const agent = new Agent({ keepAliveTimeout: 1000 });
  const fetchPooled = pooledFetch(agent);

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => handler(request, body, response));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await agent.close();
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });

  it('sends method, headers and body, and answers status, headers and body as the SDK reads them', async () => {
    handler = (request, body, response) => {
      response.setHeader('set-cookie', ['DS=a; Path=/', 'DSR=b; Path=/']);
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ method: request.method, auth: request.headers.authorization, body }),
      );
    };
    const response = await fetchPooled(`${origin}/v1/auth/password/signin?x=1`, {
      method: 'POST',
      headers: new Headers({ Authorization: 'Bearer P1', 'Content-Type': 'application/json' }),
      body: '{"loginId":"a@example.com"}',
    });
    expect(response.ok).toBe(false);
    expect(response.status).toBe(401);
    expect(response.body).toBeNull();
    // As Headers.get: any case, several values joined with ", ".
    expect(response.headers.get('Set-Cookie')).toBe('DS=a; Path=/, DSR=b; Path=/');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-absent')).toBeNull();
    expect(await response.json()).toEqual({
      method: 'POST',
      auth: 'Bearer P1',
      body: '{"loginId":"a@example.com"}',
    });
  });

  it("sends fetch's accept and user-agent unless the caller sets them", async () => {
    handler = (request, _body, response) =>
      response.end(JSON.stringify([request.headers.accept, request.headers['user-agent']]));
    expect(await (await fetchPooled(`${origin}/`)).json()).toEqual(['*/*', 'node']);
    const custom = await fetchPooled(`${origin}/`, { headers: { 'User-Agent': 'sdk' } });
    expect(await custom.json()).toEqual(['*/*', 'sdk']);
  });

  it('fails as fetch does on an answer no Response can hold (status 600), and on a non-string body', async () => {
    handler = (_request, _body, response) => response.writeHead(600).end('{}');
    await expect(fetchPooled(`${origin}/`)).rejects.toMatchObject({
      name: 'TypeError',
      message: 'fetch failed',
    });
    const form = fetchPooled(`${origin}/`, { method: 'POST', body: new URLSearchParams('a=1') });
    await expect(form).rejects.toThrow('string bodies only');
  });

  it('answers a 204 with no body', async () => {
    handler = (_request, _body, response) => response.writeHead(204).end();
    const response = await fetchPooled(`${origin}/`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });

  it("rejects with the signal's reason when the caller's timeout fires", async () => {
    handler = () => undefined; // never answers
    const started = performance.now();
    const answer = fetchPooled(`${origin}/slow`, { signal: AbortSignal.timeout(100) });
    await expect(answer).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('under boundedFetch, times out an answer whose headers came but whose body stalls', async () => {
    handler = (_request, _body, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"partial":'); // and nothing more
    };
    const answer = boundedFetch(100, fetchPooled)(`${origin}/stall`, {});
    await expect(answer).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it("fails as fetch does when nothing listens: TypeError 'fetch failed', the socket error as cause", async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const { port } = closed.address() as AddressInfo;
    await new Promise((done) => closed.close(done));
    const answer = fetchPooled(`http://127.0.0.1:${port}/`);
    await expect(answer).rejects.toMatchObject({
      name: 'TypeError',
      message: 'fetch failed',
      cause: { code: 'ECONNREFUSED' },
    });
  });

  it('refuses a Request object rather than dropping what it carries', async () => {
    await expect(fetchPooled(new Request(`${origin}/`))).rejects.toThrow(TypeError);
  });

  describe('upstreamAgent', () => {
    it('goes through HTTP_PROXY only when Node is told to use proxies, as fetch does', async () => {
      expect(upstreamAgent({ HTTP_PROXY: 'http://127.0.0.1:9' }, [])).toBeInstanceOf(Agent);
      const connects: string[] = [];
      const proxy = createServer().on('connect', (request: IncomingMessage, socket) => {
        connects.push(request.url ?? '');
        socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      });
      await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
      const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      const proxied = upstreamAgent({ NODE_USE_ENV_PROXY: '1', HTTP_PROXY: proxyUrl }, []);
      expect(proxied).toBeInstanceOf(EnvHttpProxyAgent);
      const answer = pooledFetch(proxied)('http://descope-upstream.invalid/v2/keys/P1');
      await expect(answer).rejects.toMatchObject({ message: 'fetch failed' });
      expect(connects).toEqual(['descope-upstream.invalid:80']);
      await proxied.close();
      await new Promise((done) => proxy.close(done));
    });
  });
});
