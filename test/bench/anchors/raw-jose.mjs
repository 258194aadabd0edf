// Anchor (a): the least a verifier can be. node:http and jose's jwtVerify on every request, the
// keys imported once at start, no cache of results. GET with a bearer token: 200 or 401.
import { createServer } from 'node:http';
import { importJWK, jwtVerify } from 'jose';

const { DESCOPE_BASE_URL: base, DESCOPE_PROJECT_ID: projectId } = process.env;
const { keys } = await (await fetch(`${base}/v2/keys/${projectId}`)).json();
const imported = new Map();
for (const jwk of keys) imported.set(jwk.kid, await importJWK(jwk, jwk.alg));
const keyFor = (header) => {
  const key = imported.get(header.kid);
  if (!key) throw new Error('unknown kid');
  return key;
};

const server = createServer(async (request, response) => {
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
  try {
    const { payload } = await jwtVerify(token, keyFor, {
      issuer: projectId,
      algorithms: ['RS256'],
    });
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ userId: payload.sub }));
  } catch {
    response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid"}');
  }
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
