import { Logger } from '@nestjs/common';
import { budgetParts } from '../../test/support/budget-fakes';
import { SendBudget, SendTarget } from './send-budget';

function sendBudget(env: Record<string, string> = {}) {
  const parts = budgetParts({
    SENDS_PER_DESTINATION: '2/1h',
    SENDS_PER_LOGIN_ID: '3/1h',
    SENDS_PER_DEVICE: '2/1h',
    ...env,
  });
  const { store, devices, metrics, config } = parts;
  return { budget: new SendBudget(store, devices, metrics, config), refusals: parts.refusals };
}

const client = { ip: '203.0.113.1' };
const email: SendTarget = { loginId: 'ada@example.com', channel: 'email' };

/** How many of `count` sends go. */
async function sent(budget: SendBudget, count: number, target = email, caller = client) {
  let allowed = 0;
  for (let i = 0; i < count; i++) if (await budget.allow(caller, target, 'test')) allowed += 1;
  return allowed;
}

describe('SendBudget', () => {
  beforeEach(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('withholds sends over the destination budget, counts and logs it without the address', async () => {
    const { budget, refusals } = sendBudget();
    expect(await sent(budget, 4)).toBe(2);
    expect(refusals).toEqual([
      { budget: 'send', channel: 'email' },
      { budget: 'send', channel: 'email' },
    ]);
    const warned = (Logger.prototype.warn as jest.Mock).mock.calls.flat().join(' ');
    expect(warned).toContain('email send on test was withheld');
    expect(warned).not.toContain('ada@example.com');
  });

  it('spends the login id budget over every destination it names', async () => {
    const { budget } = sendBudget();
    const to = (destination: string): SendTarget => ({ ...email, destination });
    expect(await sent(budget, 1, to('a@example.com'))).toBe(1);
    expect(await sent(budget, 1, to('b@example.com'))).toBe(1);
    expect(await sent(budget, 1, to('c@example.com'))).toBe(1);
    expect(await sent(budget, 1, to('d@example.com'))).toBe(0);
  });

  it("gives the owner's device its own budget", async () => {
    const { budget } = sendBudget();
    expect(await sent(budget, 3)).toBe(2);
    const owner = { ...client, deviceToken: 'device:ada@example.com' };
    expect(await sent(budget, 3, email, owner)).toBe(2);
  });

  it('shares one budget per phone channel over every caller when set; email never', async () => {
    const { budget } = sendBudget({ SENDS_PER_PHONE_CHANNEL: '2/1h' });
    const sms = (loginId: string): SendTarget => ({ loginId, channel: 'sms' });
    expect(await sent(budget, 1, sms('+14155550100'))).toBe(1);
    expect(await sent(budget, 1, sms('+14155550101'))).toBe(1);
    expect(await sent(budget, 1, sms('+14155550102'))).toBe(0);
    expect(await sent(budget, 1, { loginId: '+14155550103', channel: 'voice' })).toBe(1);
    expect(await sent(budget, 2, { loginId: 'x@example.com', channel: 'email' })).toBe(2);
  });
});
