import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createServer } from 'node:net';
import { createApp } from '../src/bootstrap';
import { PREFERRED_EMULATOR_PORT } from '../src/config/descope-target';
import { uniqueEmail } from './support/emulator-harness';

/** With no DESCOPE_PROJECT_ID the service embeds the emulator, configured by EMULATOR_*. */
describe('Embedded emulator: EMULATOR_* settings pass through', () => {
  let app: NestFastifyApplication;
  let url: string;
  let emulatorUrl: string;

  beforeAll(async () => {
    const created = await createApp({
      COOKIE_SECURE: 'false',
      LOG_LEVEL: 'silent',
      AUTH_FAILURE_MIN_MS: '0',
      EMULATOR_SESSION_TTL: '120',
      EMULATOR_RESET_URL: 'https://app.example.com/account/reset',
    });
    app = created.app;
    emulatorUrl = created.target.emulator!.baseUrl;
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });
  afterAll(() => app.close());

  const post = async (path: string, body: object) => {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => ({}))) as any };
  };
  const outbox = async (loginId: string) => {
    const response = await fetch(`${emulatorUrl}/emulator/outbox?loginId=${loginId}`);
    return ((await response.json()) as { messages: { code?: string; link?: string }[] }).messages;
  };

  it('issues session tokens with EMULATOR_SESSION_TTL and reset links to EMULATOR_RESET_URL', async () => {
    const loginId = uniqueEmail('embedded');
    expect((await post('/v1/otp/signup/email', { loginId })).status).toBe(202);
    const [{ code }] = await outbox(loginId);
    const verified = await post('/v1/otp/verify/email', { loginId, code });
    expect(verified.status).toBe(200);
    const claims = JSON.parse(
      Buffer.from(verified.body.sessionJwt.split('.')[1], 'base64url').toString(),
    ) as { iat: number; exp: number };
    expect(claims.exp - claims.iat).toBe(120);

    expect((await post('/v1/password/reset', { loginId })).status).toBe(202);
    const messages = await outbox(loginId); // newest first
    expect(messages[0]?.link).toMatch(/^https:\/\/app\.example\.com\/account\/reset\?t=\S+$/);
  });

  it('prefers port 4500 for the UI, and takes a free port when 4500 is taken', async () => {
    // Hold 4500 (unless something, such as this file's first app, already does).
    const holder = createServer();
    await new Promise<void>((done) => {
      holder.once('error', () => done());
      holder.listen(PREFERRED_EMULATOR_PORT, '127.0.0.1', done);
    });
    const second = await createApp({ COOKIE_SECURE: 'false', LOG_LEVEL: 'silent' });
    try {
      const { baseUrl, projectId } = second.target.emulator!;
      expect(new URL(baseUrl).port).not.toBe(String(PREFERRED_EMULATOR_PORT));
      expect((await fetch(`${baseUrl}/v2/keys/${projectId}`)).status).toBe(200);
    } finally {
      await second.app.close();
      holder.close();
    }
  });
});
