/** Swagger request examples, one per channel where the channel changes the body. */
export const OTP_EXAMPLES = {
  signUp: {
    email: {
      summary: 'email',
      value: { loginId: 'grace@example.com', user: { name: 'Grace Hopper' } },
    },
    sms: { summary: 'sms', value: { loginId: '+14155550100' } },
    voice: { summary: 'voice', value: { loginId: '+14155550100' } },
    whatsapp: { summary: 'whatsapp', value: { loginId: 'ada', user: { phone: '+14155550100' } } },
  },
  signIn: {
    email: { summary: 'email', value: { loginId: 'grace@example.com' } },
    sms: { summary: 'sms', value: { loginId: '+14155550100' } },
    voice: { summary: 'voice', value: { loginId: '+14155550100' } },
    whatsapp: { summary: 'whatsapp', value: { loginId: '+14155550100' } },
    stepup: {
      summary: 'step-up (send the refresh token too)',
      value: { loginId: 'grace@example.com', loginOptions: { stepup: true } },
    },
  },
  signUpIn: {
    email: { summary: 'email', value: { loginId: 'grace@example.com' } },
    sms: { summary: 'sms', value: { loginId: '+14155550100' } },
    voice: { summary: 'voice', value: { loginId: '+14155550100' } },
    whatsapp: { summary: 'whatsapp', value: { loginId: '+14155550100' } },
  },
  verify: {
    email: { summary: 'email', value: { loginId: 'grace@example.com', code: '123456' } },
    sms: { summary: 'sms, voice or whatsapp', value: { loginId: '+14155550100', code: '123456' } },
  },
  updateEmail: {
    email: {
      summary: 'new email, also as a login id',
      value: { loginId: 'grace@example.com', email: 'grace.new@example.com', addToLoginIDs: true },
    },
  },
  updatePhone: {
    sms: { summary: 'new phone', value: { loginId: 'grace@example.com', phone: '+14155550123' } },
  },
};
