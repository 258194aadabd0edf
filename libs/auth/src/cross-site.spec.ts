import { crossSiteReason } from './cross-site';

const TRUSTED = new Set(['https://app.example.com']);
const post = (headers: Record<string, string | string[]>) =>
  crossSiteReason({ method: 'POST', headers }, TRUSTED);

describe('crossSiteReason', () => {
  it('lets reads through whatever their origin', () => {
    const get = { method: 'GET', headers: { origin: 'https://evil.example' } };
    expect(crossSiteReason(get, TRUSTED)).toBeUndefined();
  });

  it('judges by Origin first: exactly a trusted one, never null, never two', () => {
    expect(post({ origin: 'https://app.example.com' })).toBeUndefined();
    expect(post({ origin: 'null' })).toBe('Origin is not allowed');
    expect(post({ origin: ['https://app.example.com', 'https://evil.example'] })).toBeDefined();
    expect(post({ origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' })).toBeDefined();
  });

  it('then by Sec-Fetch-Site, then by the Referer origin', () => {
    expect(post({ 'sec-fetch-site': 'same-origin' })).toBeUndefined();
    expect(post({ 'sec-fetch-site': 'same-site' })).toBe('Sec-Fetch-Site is not same-origin');
    expect(post({ referer: 'https://app.example.com/a?b' })).toBeUndefined();
    expect(post({ referer: 'https://app.example.com.evil.net/' })).toBeDefined();
  });

  it('lets a request with none of the three through: not a browser', () => {
    expect(post({})).toBeUndefined();
    for (const method of ['PUT', 'PATCH', 'DELETE', 'post']) {
      expect(crossSiteReason({ method, headers: { origin: 'null' } }, TRUSTED)).toBeDefined();
    }
  });
});
