import { EmulatorHarness, startHarness, uniqueEmail } from '../support/emulator-harness';
import { read } from './wire';

/**
 * Errors and limits. Sources: core-js-sdk `httpClient` and node-sdk `lib/errors.ts` (the body
 * `{errorCode, errorDescription, errorMessage}`), docs.descope.com/rate-limiting (429 per client
 * IP), go-sdk `api/client.go` and core-js (`Retry-After` in seconds with E130429), the Go SDK's
 * errors.go (E011001 bad request, E011003 validation). No SDK names the code of a refused
 * credential: the emulator's E990001 is a stand-in (libs/descope-emulator/src/descope-answers.ts).
 */
describe('Conformance: errors', () => {
  let h: EmulatorHarness;
  beforeAll(async () => {
    h = await startHarness({ ipRateLimit: 5 });
  });
  afterAll(() => h.close());

  it('answers errors in Descope’s shape, with its codes', async () => {
    const malformed = await h.raw('POST', '/v1/auth/password/signin', '{"loginId":');
    expect([malformed.status, await read(malformed)]).toEqual([
      400,
      {
        errorCode: 'E011003',
        errorDescription: expect.any(String),
        errorMessage: expect.any(String),
      },
    ]);
    const noProject = await h.raw('POST', '/v1/auth/refresh', {}, { authorization: '' });
    expect([noProject.status, (await read(noProject)).errorCode]).toEqual([401, 'E990001']);
  });

  it('answers 404 naming the family for parts of Descope it does not implement', async () => {
    for (const path of [
      '/v1/auth/webauthn/signup/start',
      '/v1/auth/oauth/authorize',
      '/v1/auth/sso/authorize',
      '/v1/auth/magiclink/signin/email',
      '/v1/auth/enchantedlink/signin/email',
      '/v1/auth/otp/signin/im',
    ]) {
      const response = await h.raw('POST', path, { loginId: uniqueEmail('conf') });
      const body = await read(response);
      expect([path, response.status, body.errorCode]).toEqual([path, 404, 'E011001']);
      expect(body.errorMessage).toContain('does not implement');
    }
  });

  it('rate limits per client IP: 429 E130429 with Retry-After', async () => {
    let limited: Response | undefined;
    for (let i = 0; i < 8 && !limited; i += 1) {
      const response = await h.raw('GET', '/v1/auth/password/policy');
      if (response.status === 429) limited = response;
    }
    expect(limited).toBeDefined();
    expect((await read(limited!)).errorCode).toBe('E130429');
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
