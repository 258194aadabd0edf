import { helmetHeaders } from './security-headers';

describe('helmetHeaders', () => {
  it("is Helmet's default set with the service's CSP: no upgrade-insecure-requests, no framing", () => {
    const headers = helmetHeaders();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(headers).toMatchObject({
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
    });
    expect(Object.keys(headers)).toHaveLength(12);
  });
});
