import { DescopeClient } from './descope.client';
import {
  DescopeApiError,
  DescopeArgumentError,
  DescopeTimeoutError,
  DescopeUnavailableError,
  DescopeUnexpectedError,
} from './descope.errors';
import { defaultBaseUrl, SdkDescopeClient } from './sdk-descope.client';

describe('SdkDescopeClient seam', () => {
  const client: DescopeClient = new SdkDescopeClient({
    projectId: 'P2test',
    baseUrl: 'http://127.0.0.1:9',
    timeoutMs: 100,
  });
  const answer = (response: object) => client.call(() => Promise.resolve(response as never));

  it('answers the data of an ok response', async () => {
    await expect(answer({ ok: true, code: 200, data: { a: 1 } })).resolves.toEqual({ a: 1 });
  });

  it('turns an error body into DescopeApiError with code, status and retry-after', async () => {
    const error = await answer({
      ok: false,
      code: 429,
      error: { errorCode: 'E130429', errorDescription: 'slow down', retryAfter: 7 },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DescopeApiError);
    expect(error).toMatchObject({ code: 'E130429', status: 429, retryAfterSeconds: 7 });
  });

  it('treats 5xx and bodies without a code as unavailable', async () => {
    await expect(
      answer({ ok: false, code: 502, error: { errorCode: 'HTTP503' } }),
    ).rejects.toBeInstanceOf(DescopeUnavailableError);
    await expect(answer({ ok: false, code: 400, error: {} })).rejects.toBeInstanceOf(
      DescopeUnavailableError,
    );
  });

  it('catches synchronous throws, because it takes the call and not its promise', async () => {
    const thrown = client.call(() => {
      throw new Error('"loginId" must not be empty');
    });
    await expect(thrown).rejects.toBeInstanceOf(DescopeArgumentError);
  });

  it('classifies network failures and non-JSON answers as unavailable, anything else as a bug', async () => {
    await expect(
      client.call(() => Promise.reject(new TypeError('fetch failed'))),
    ).rejects.toBeInstanceOf(DescopeUnavailableError);
    const bug = client.call(() =>
      Promise.reject(new TypeError("Cannot destructure property 'providerId' of null")),
    );
    await expect(bug).rejects.toBeInstanceOf(DescopeUnexpectedError);
    await expect(
      client.call(() => Promise.reject(new SyntaxError('Unexpected token <'))),
    ).rejects.toBeInstanceOf(DescopeUnavailableError);
  });

  it('bounds every call by the timeout', async () => {
    const started = Date.now();
    await expect(client.call(() => new Promise<never>(() => undefined))).rejects.toBeInstanceOf(
      DescopeTimeoutError,
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reaches a real SDK method through the seam (nothing listens on port 9)', async () => {
    await expect(client.call((sdk) => sdk.password.policy())).rejects.toBeInstanceOf(
      DescopeUnavailableError,
    );
  });

  it("derives Descope's regional base URL from the project id", () => {
    expect(defaultBaseUrl(`P2${'a'.repeat(26)}`)).toBe('https://api.descope.com');
    expect(defaultBaseUrl(`Puse1${'x'.repeat(27)}`)).toBe('https://api.use1.descope.com');
  });
});
