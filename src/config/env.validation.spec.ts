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
    expect(
      validateEnvironment({ NODE_ENV: 'production', DESCOPE_PROJECT_ID: 'P2real' })
        .DESCOPE_PROJECT_ID,
    ).toBe('P2real');
  });

  it("is documented key for key in .env.example (plus the standalone emulator's key)", () => {
    const example = readFileSync(join(__dirname, '../../.env.example'), 'utf8');
    const documented = [...example.matchAll(/^#?\s?([A-Z_]+)=/gm)].map((match) => match[1]);
    expect(documented).toEqual(expect.arrayContaining(envKeys()));
    const extras = documented.filter((key) => !envKeys().includes(key));
    expect(extras).toEqual(['EMULATOR_MANAGEMENT_KEY']);
  });
});
