import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { envKeys, validateEnvironment } from './env.validation';

describe('validateEnvironment', () => {
  it('fills defaults for an empty environment', () => {
    expect(validateEnvironment({})).toMatchObject({
      DESCOPE_TIMEOUT_MS: 5000,
      PORT: 3000,
      TOKEN_DELIVERY: 'both',
      COOKIE_SECURE: true,
      COOKIE_SAMESITE: 'strict',
      ALLOWED_REDIRECT_ORIGINS: [],
      ALLOW_CUSTOM_CLAIMS: false,
    });
  });

  it('answers a frozen config: nothing may change it after validation', () => {
    expect(Object.isFrozen(validateEnvironment({}))).toBe(true);
  });

  it('parses lists, booleans and numbers', () => {
    const config = validateEnvironment({
      ALLOWED_REDIRECT_ORIGINS: 'https://a.example.com, http://localhost:5173',
      ALLOW_CUSTOM_CLAIMS: 'true',
      COOKIE_SECURE: 'false',
      EMULATOR_PORT: '4600',
    });
    expect(config.ALLOWED_REDIRECT_ORIGINS).toEqual([
      'https://a.example.com',
      'http://localhost:5173',
    ]);
    expect([config.ALLOW_CUSTOM_CLAIMS, config.COOKIE_SECURE, config.EMULATOR_PORT]).toEqual([
      true,
      false,
      4600,
    ]);
  });

  it('names every bad key on its own line, without echoing values', () => {
    const attempt = () =>
      validateEnvironment({
        PORT: 'x',
        COOKIE_SAMESITE: 'sometimes',
        ALLOWED_REDIRECT_ORIGINS: 'not a url',
        DESCOPE_MANAGEMENT_KEY: '',
      });
    expect(attempt).toThrow(/- PORT: .*\n- COOKIE_SAMESITE: .*\n- ALLOWED_REDIRECT_ORIGINS: /);
    expect(attempt).not.toThrow(/sometimes/);
  });

  it('takes a reuse window of 0 (off) or at least 250 ms, and the session bounds', () => {
    expect(validateEnvironment({}).REFRESH_REUSE_WINDOW_MS).toBe(10_000);
    expect(validateEnvironment({ REFRESH_REUSE_WINDOW_MS: '0' }).REFRESH_REUSE_WINDOW_MS).toBe(0);
    expect(() => validateEnvironment({ REFRESH_REUSE_WINDOW_MS: '1' })).toThrow(
      /REFRESH_REUSE_WINDOW_MS: 0 \(off\) or at least 250/,
    );
    expect(validateEnvironment({})).toMatchObject({
      SESSION_MAX_LIFETIME_SECONDS: 86_400,
      REFRESH_MAX_LIFETIME_SECONDS: 2_592_000,
      REFRESH_REUSE_REVOKES: true,
    });
  });

  it('takes a hop count or proxy addresses for TRUST_PROXY, and refuses true, naming the alternatives', () => {
    expect(validateEnvironment({}).TRUST_PROXY).toBe(false);
    expect(validateEnvironment({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(validateEnvironment({ TRUST_PROXY: '10.0.0.0/8, ::1' }).TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      '::1',
    ]);
    expect(() => validateEnvironment({ TRUST_PROXY: 'true' })).toThrow(
      /TRUST_PROXY: .*hop count.*addresses or CIDRs.*true is refused/,
    );
    for (const bad of [
      'banana',
      '10.0.0.0/33',
      '300.1.1.1',
      '99',
      '0.0.0.0/1,128.0.0.0/1',
      '0.0.0.0/0',
      '::/0',
    ])
      expect(() => validateEnvironment({ TRUST_PROXY: bad })).toThrow('TRUST_PROXY');
  });

  it('takes exact origins for CORS_ORIGINS and PUBLIC_ORIGIN', () => {
    const config = validateEnvironment({
      CORS_ORIGINS: 'https://app.example.com/, http://localhost:5173',
      PUBLIC_ORIGIN: 'https://auth.example.com',
    });
    expect(config.CORS_ORIGINS).toEqual(['https://app.example.com', 'http://localhost:5173']);
    expect(config.PUBLIC_ORIGIN).toBe('https://auth.example.com');
    for (const bad of ['https://app.example.com/path', '*', 'app.example.com', 'ftp://x.example'])
      expect(() => validateEnvironment({ CORS_ORIGINS: bad })).toThrow('CORS_ORIGINS');
  });

  it('refuses SameSite=None cookies without Secure', () => {
    expect(() => validateEnvironment({ COOKIE_SAMESITE: 'none', COOKIE_SECURE: 'false' })).toThrow(
      'COOKIE_SAMESITE',
    );
    expect(validateEnvironment({ COOKIE_SAMESITE: 'none' }).COOKIE_SAMESITE).toBe('none');
  });

  it('refuses production without a project id', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(
      'DESCOPE_PROJECT_ID: required',
    );
    const production = { NODE_ENV: 'production', DESCOPE_PROJECT_ID: 'P2real' };
    expect(() => validateEnvironment(production)).toThrow('DEVICE_TOKEN_SECRET: required');
    const secret = 'x'.repeat(32);
    expect(
      validateEnvironment({ ...production, DEVICE_TOKEN_SECRET: secret }).DESCOPE_PROJECT_ID,
    ).toBe('P2real');
  });

  it('is documented key for key in .env.example, and nothing else is', () => {
    const example = readFileSync(join(__dirname, '../../.env.example'), 'utf8');
    const documented = [...example.matchAll(/^#?\s?([A-Z_]+)=/gm)].map((match) => match[1]);
    expect(documented).toEqual(expect.arrayContaining(envKeys()));
    const extras = documented.filter((key) => !envKeys().includes(key));
    expect(extras).toEqual([]);
  });
});
