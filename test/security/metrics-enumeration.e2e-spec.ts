import { AppHarness, startApp } from '../support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from '../support/emulator-harness';
import { verifyEmail } from '../support/verify-email';

const TOKEN = 'metrics-token-0123456789';

/** Counter values by series; timings (buckets, sums) and the runtime's own metrics left out. */
function counts(text: string): Map<string, number> {
  const series = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#') || /^(nodejs_|process_)/.test(line)) continue;
    const [name, value] = [
      line.slice(0, line.lastIndexOf(' ')),
      line.slice(line.lastIndexOf(' ') + 1),
    ];
    if (/_(bucket|sum)\{/.test(name) || /_(bucket|sum) /.test(line)) continue;
    series.set(name, Number(value));
  }
  return series;
}

/** What changed between two readings, as sorted `series +n` lines. */
function delta(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after]
    .filter(([name, value]) => value !== (before.get(name) ?? 0))
    .map(([name, value]) => `${name} +${value - (before.get(name) ?? 0)}`)
    .sort();
}

/**
 * /metrics, read on the management port and on the public one (with METRICS_TOKEN), moves alike
 * for each pair of requests the API answers alike: a known and an unknown account, a wrong and a
 * locked code. No label, no counter tells them apart.
 */
describe('Security: /metrics says nothing about which accounts exist', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startApp({ METRICS_TOKEN: TOKEN }, { maxWrongCodes: 2 });
  });
  afterAll(() => h.close());

  const read = async () =>
    Promise.all([
      fetch(`${h.managementUrl}/metrics`).then((r) => r.text()),
      fetch(`${h.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } }).then((r) =>
        r.text(),
      ),
    ]).then((texts) => texts.map(counts));
  const post = (path: string, body: object) => h.api('POST', path, { body });

  /** The metric changes `send` makes, on each port. */
  async function changes(send: () => Promise<unknown>): Promise<string[][]> {
    const before = await read();
    await send();
    // The public read itself counts one request: leave http counts of /metrics out.
    const after = await read();
    return after.map((reading, i) =>
      delta(before[i], reading).filter((line) => !line.includes('route="/metrics"')),
    );
  }

  it('moves alike for known and unknown accounts on every route that hides them', async () => {
    const known = uniqueEmail('known');
    await post('/v1/password/signup', { loginId: known, password: STRONG_PASSWORD });
    // And one with a verified email, to whom Descope does send the reset link.
    const verified = uniqueEmail('verified');
    const { body } = await post('/v1/password/signup', {
      loginId: verified,
      password: STRONG_PASSWORD,
    });
    await verifyEmail(h, verified, body.refreshJwt as string);
    const ghost = uniqueEmail('ghost');
    const pairs: [string, object, object][] = [
      [
        '/v1/password/signin',
        { loginId: known, password: 'Wrong-Pass-1' },
        { loginId: ghost, password: 'Wrong-Pass-1' },
      ],
      ['/v1/password/reset', { loginId: known }, { loginId: ghost }],
      ['/v1/password/reset', { loginId: verified }, { loginId: ghost }],
      ['/v1/otp/signup/email', { loginId: known }, { loginId: uniqueEmail('new') }],
      ['/v1/otp/signin/email', { loginId: known }, { loginId: ghost }],
      [
        '/v1/otp/verify/email',
        { loginId: known, code: '000000' },
        { loginId: ghost, code: '000000' },
      ],
    ];
    for (const [path, a, b] of pairs) {
      const [first, second] = [
        await changes(() => post(path, a)),
        await changes(() => post(path, b)),
      ];
      expect([path, ...first]).toEqual([path, ...second]);
      expect(first[0].length).toBeGreaterThan(0);
    }
  });

  it('moves alike for a wrong code and a locked one', async () => {
    const loginId = uniqueEmail('locking');
    await post('/v1/otp/signup/email', { loginId });
    const wrong = () => post('/v1/otp/verify/email', { loginId, code: '000000' });
    // The emulator (maxWrongCodes: 2) locks the code at the second wrong try.
    const [first, locking] = [await changes(wrong), await changes(wrong)];
    expect(locking).toEqual(first);
  });
});
