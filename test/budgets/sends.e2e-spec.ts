import { AppHarness, startApp } from '../support/app-harness';
import { STRONG_PASSWORD } from '../support/emulator-harness';
import { as, BUDGETS, newClient, newLoginId } from './support';

describe('Budgets: sends of codes and reset links', () => {
  let h: AppHarness;
  const codes = async (loginId: string) => (await h.outbox(loginId)).length;

  beforeAll(async () => {
    h = await startApp(BUDGETS);
  });
  afterAll(() => h.close());

  it('withholds OTP sends over the budget while still answering 202, from every client', async () => {
    const loginId = newLoginId('sends');
    await h.api('POST', '/v1/password/signup', { body: { loginId, password: STRONG_PASSWORD } });
    const answers = [];
    for (let i = 0; i < 7; i += 1) {
      const sent = await h.api('POST', '/v1/otp/signin/email', {
        body: { loginId },
        headers: as(newClient()),
      });
      answers.push(JSON.stringify([sent.status, sent.body]));
    }
    expect(new Set(answers).size).toBe(1); // seven identical 202s
    expect(await codes(loginId)).toBe(5);
    const metrics = await (await fetch(`${h.managementUrl}/metrics`)).text();
    expect(metrics).toMatch(/auth_budget_refusals_total\{budget="send",channel="email"\} [1-9]/);
    expect(metrics).not.toContain(loginId);
  });

  it("sends the owner's codes from a trusted device after others spent the shared budget", async () => {
    const loginId = newLoginId('owner');
    await h.api('POST', '/v1/password/signup', { body: { loginId, password: STRONG_PASSWORD } });
    const home = newClient();
    const { body } = await h.api('POST', '/v1/password/signin', {
      body: { loginId, password: STRONG_PASSWORD },
      headers: as(home),
    });
    for (let i = 0; i < 6; i += 1) {
      await h.api('POST', '/v1/otp/signin/email', { body: { loginId }, headers: as(newClient()) });
    }
    expect(await codes(loginId)).toBe(5);
    const own = await h.api('POST', '/v1/otp/signin/email', {
      body: { loginId },
      headers: as(home, body.deviceToken as string),
    });
    expect(own.status).toBe(202);
    expect(await codes(loginId)).toBe(6);
  });

  it('counts password resets and sign-ups too: over budget, 202 and nothing sent', async () => {
    const loginId = newLoginId('reset');
    // Descope sends reset links to a verified email only.
    await h.management.management.user.create(loginId, { email: loginId, verifiedEmail: true });
    for (let i = 0; i < 6; i += 1) {
      const reset = await h.api('POST', '/v1/password/reset', {
        body: { loginId },
        headers: as(newClient()),
      });
      expect(reset.status).toBe(202);
    }
    expect(await codes(loginId)).toBe(5);
    const fresh = newLoginId('signup');
    for (let i = 0; i < 6; i += 1) {
      const signUp = await h.api('POST', '/v1/otp/signup/email', { body: { loginId: fresh } });
      expect(signUp.status).toBe(202);
    }
    expect(await codes(fresh)).toBe(5);
  });
});

describe('Budgets: a global cap per phone channel (toll fraud)', () => {
  let h: AppHarness;

  beforeAll(async () => {
    // In memory: a global key shared through Redis would mix with other runs of this test.
    const { REDIS_URL: _shared, ...inMemory } = BUDGETS;
    h = await startApp({ ...inMemory, SENDS_PER_PHONE_CHANNEL: '3/1m' });
  });
  afterAll(() => h.close());

  it('sends at most SENDS_PER_PHONE_CHANNEL codes per channel over all numbers, and leaves email alone', async () => {
    const numbers = Array.from({ length: 5 }, (_, i) => `+1415555${String(1000 + i)}`);
    for (const loginId of numbers) {
      expect((await h.api('POST', '/v1/otp/signup/sms', { body: { loginId } })).status).toBe(202);
    }
    const sent = await Promise.all(numbers.map(async (n) => (await h.outbox(n)).length));
    expect(sent).toEqual([1, 1, 1, 0, 0]);
    const voice = await h.api('POST', '/v1/otp/signup/voice', {
      body: { loginId: '+14155559999' },
    });
    expect([voice.status, (await h.outbox('+14155559999')).length]).toEqual([202, 1]);
    const email = newLoginId('email');
    await h.api('POST', '/v1/otp/signup/email', { body: { loginId: email } });
    expect((await h.outbox(email)).length).toBe(1);
  });
});
