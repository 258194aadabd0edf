// Generated from openapi.json by `npm run openapi` (openapi-typescript): do not edit by hand.
// test/client-schema.e2e-spec.ts fails while it is stale.
export interface paths {
  '/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The process is up (liveness probe); checks nothing else */
    get: operations['HealthController_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Ready to serve (readiness probe): configuration valid, signing keys loaded
     * @description Status only. The details (which checks, Descope and Redis reachability, revocations) are on the management port (MANAGEMENT_PORT, /health/ready), never on the public one.
     */
    get: operations['HealthController_ready'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Prometheus metrics: HTTP answers, auth outcomes, upstream calls, budgets
     * @description On the public port only when METRICS_TOKEN is set (send it as a bearer token); otherwise 404. Operators scrape it on the management port (MANAGEMENT_PORT), which needs no token.
     */
    get: operations['MetricsController_metrics'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/otp/signin/{method}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a sign-in code (step-up / MFA with loginOptions.stepup or .mfa and a refresh token)
     * @description An unknown login id also answers 202 with a masked address: the route does not reveal accounts.
     *
     *     **Refresh token**: the HttpOnly `DSR` cookie a sign-in set, else `Authorization: Bearer <refreshJwt>` (*Authorize*: refresh-token); the cookie wins when both are sent. A POST authenticated by the cookie must come from an allowed origin (CORS_ORIGINS, PUBLIC_ORIGIN), else 403 `forbidden`.
     */
    post: operations['OtpController_signIn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/otp/signup-in/{method}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a code that signs the user in, or up when the login id is new */
    post: operations['OtpController_signUpOrIn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/otp/signup/{method}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a sign-up code by email, SMS, voice or WhatsApp
     * @description An existing login id also answers 202 (and gets no code): the route does not reveal accounts.
     */
    post: operations['OtpController_signUp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/otp/update/email': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Change the email: a code goes to the new address; verify it with /v1/otp/verify/email
     * @description **Refresh token**: the HttpOnly `DSR` cookie a sign-in set, else `Authorization: Bearer <refreshJwt>` (*Authorize*: refresh-token); the cookie wins when both are sent. A POST authenticated by the cookie must come from an allowed origin (CORS_ORIGINS, PUBLIC_ORIGIN), else 403 `forbidden`.
     */
    post: operations['OtpUpdateController_updateEmail'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/otp/update/phone/{method}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Change the phone: a code goes to the new number; verify it with /v1/otp/verify/{method}
     * @description **Refresh token**: the HttpOnly `DSR` cookie a sign-in set, else `Authorization: Bearer <refreshJwt>` (*Authorize*: refresh-token); the cookie wins when both are sent. A POST authenticated by the cookie must come from an allowed origin (CORS_ORIGINS, PUBLIC_ORIGIN), else 403 `forbidden`.
     */
    post: operations['OtpUpdateController_updatePhone'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/otp/verify/{method}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Verify a code: answers the session */
    post: operations['OtpController_verify'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/password/policy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The password policy new passwords must meet */
    get: operations['PasswordController_policy'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/password/replace': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Replace the password, proving the old one; answers a new session */
    post: operations['PasswordController_replace'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/password/reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a password-reset link; answers 202 whether or not the account exists
     * @description Descope sends the link only to a verified email: a password user verifies it first with /v1/otp/update/email (to the same address) and /v1/otp/verify/email. A refusal is audited (its reason, a keyed hash of the login id) and still answers 202.
     */
    post: operations['PasswordResetController_sendReset'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/password/reset/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Finish a reset: the link's token and a new password; answers a new session */
    post: operations['PasswordResetController_completeReset'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/password/signin': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in with a login id and password */
    post: operations['PasswordController_signIn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/password/signup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign up with a login id and password */
    post: operations['PasswordController_signUp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/password/update': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Set a new password for the signed-in user (refresh token: DSR cookie or bearer)
     * @description **Refresh token**: the HttpOnly `DSR` cookie a sign-in set, else `Authorization: Bearer <refreshJwt>` (*Authorize*: refresh-token); the cookie wins when both are sent. A POST authenticated by the cookie must come from an allowed origin (CORS_ORIGINS, PUBLIC_ORIGIN), else 403 `forbidden`.
     */
    post: operations['PasswordController_update'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The caller's session (session token: bearer, then DS cookie)
     * @description **Session token**: `Authorization: Bearer <sessionJwt>` (*Authorize*: session-token), else the HttpOnly `DS` cookie a sign-in set; the bearer wins when both are sent.
     */
    get: operations['SessionController_current'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/session/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Revoke this refresh token and clear the cookies
     * @description Ends, on every instance and in every service using the guard with Redis: this refresh token, the session token the request carries (bearer, then DS cookie), every session minted from this refresh token so far (by its rexp), and what a refresh of it within the reuse window handed out. They answer 401 token_invalid from then on. A refresh token already exchanged for a newer one (rotation) is reuse: every session of the user ends.
     *
     *     **Refresh token**: the HttpOnly `DSR` cookie a sign-in set, else `Authorization: Bearer <refreshJwt>` (*Authorize*: refresh-token); the cookie wins when both are sent. A POST authenticated by the cookie must come from an allowed origin (CORS_ORIGINS, PUBLIC_ORIGIN), else 403 `forbidden`.
     */
    post: operations['SessionController_logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/session/logout-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Revoke every refresh token of the user and clear the cookies
     * @description Every token of the user issued up to this second (session and refresh) is refused from then on, on every instance and in every service using the guard with Redis.
     *
     *     **Refresh token**: the HttpOnly `DSR` cookie a sign-in set, else `Authorization: Bearer <refreshJwt>` (*Authorize*: refresh-token); the cookie wins when both are sent. A POST authenticated by the cookie must come from an allowed origin (CORS_ORIGINS, PUBLIC_ORIGIN), else 403 `forbidden`.
     */
    post: operations['SessionController_logoutAll'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/session/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The signed-in user, as Descope knows it
     * @description **Refresh token**: the HttpOnly `DSR` cookie a sign-in set, else `Authorization: Bearer <refreshJwt>` (*Authorize*: refresh-token); the cookie wins when both are sent. A POST authenticated by the cookie must come from an allowed origin (CORS_ORIGINS, PUBLIC_ORIGIN), else 403 `forbidden`.
     */
    get: operations['SessionController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/session/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A new session from the refresh token (DSR cookie, then bearer)
     * @description Refreshes of one refresh token within REFRESH_REUSE_WINDOW_MS (10 s) get the same answer from one upstream refresh, on every instance, so tabs refreshing at once never log each other out when Descope rotates refresh tokens. A rotated-away token used after the window is refused (401) and, with REFRESH_REUSE_REVOKES, ends every session of the user.
     *
     *     **Refresh token**: the HttpOnly `DSR` cookie a sign-in set, else `Authorization: Bearer <refreshJwt>` (*Authorize*: refresh-token); the cookie wins when both are sent. A POST authenticated by the cookie must come from an allowed origin (CORS_ORIGINS, PUBLIC_ORIGIN), else 403 `forbidden`.
     */
    post: operations['SessionController_refresh'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/session/tenant': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Select a tenant: a new session carrying it as dct
     * @description **Refresh token**: the HttpOnly `DSR` cookie a sign-in set, else `Authorization: Bearer <refreshJwt>` (*Authorize*: refresh-token); the cookie wins when both are sent. A POST authenticated by the cookie must come from an allowed origin (CORS_ORIGINS, PUBLIC_ORIGIN), else 403 `forbidden`.
     */
    post: operations['SessionController_selectTenant'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/session/validate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Validate a session JWT for another service, optionally requiring roles or permissions */
    post: operations['SessionController_validate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/totp/signup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign up with an authenticator app: answers the QR code, otpauth URL and key
     * @description The user is registered by its first right code at /v1/totp/verify; until then a new sign-up for the same login id replaces the key.
     */
    post: operations['TotpController_signUp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/totp/update': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add (or replace) the authenticator app of the signed-in user
     * @description **Refresh token**: the HttpOnly `DSR` cookie a sign-in set, else `Authorization: Bearer <refreshJwt>` (*Authorize*: refresh-token); the cookie wins when both are sent. A POST authenticated by the cookie must come from an allowed origin (CORS_ORIGINS, PUBLIC_ORIGIN), else 403 `forbidden`.
     */
    post: operations['TotpController_update'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/totp/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Verify a code from the authenticator app: answers the session
     * @description The first right code after /v1/totp/signup registers the user. With loginOptions.stepup or .mfa, send the refresh token too: the session keeps the user and adds totp (and mfa) to amr; a step-up also sets su.
     *
     *     **Refresh token**: the HttpOnly `DSR` cookie a sign-in set, else `Authorization: Bearer <refreshJwt>` (*Authorize*: refresh-token); the cookie wins when both are sent. A POST authenticated by the cookie must come from an allowed origin (CORS_ORIGINS, PUBLIC_ORIGIN), else 403 `forbidden`.
     */
    post: operations['TotpController_verify'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    AcceptedResponseDto: {
      /** @example If the account exists, a reset link is on its way */
      message: string;
    };
    AuthResponseDto: {
      /**
       * @description Session JWT (drn DS). Left out with TOKEN_DELIVERY=cookie: it is in the DS cookie.
       * @example eyJhbGciOiJSUzI1NiIsImtpZCI6IksxIn0.eyJzdWIiOiJVMiJ9.c2lnbmF0dXJl
       */
      sessionJwt?: string;
      /**
       * @description Session expiry, Unix seconds
       * @example 1763800600
       */
      sessionExpiresAt: number;
      /**
       * @description Refresh JWT (drn DSR), when Descope issued one. Left out with TOKEN_DELIVERY=cookie.
       * @example eyJhbGciOiJSUzI1NiIsImtpZCI6IksxIn0.eyJzdWIiOiJVMiJ9.c2lnbmF0dXJl
       */
      refreshJwt?: string;
      /**
       * @description Refresh expiry, Unix seconds
       * @example 1766392000
       */
      refreshExpiresAt?: number;
      /**
       * @description True on the user's first authentication
       * @example false
       */
      firstSeen?: boolean;
      user?: components['schemas']['UserResponseDto'];
      /**
       * @description After an authentication by a secret: this device keeps its own guessing and send budgets when the account is under attack. Send it back as X-Device-Token (or the DT cookie). Left out with TOKEN_DELIVERY=cookie: it is in the DT cookie.
       * @example v1.3q2Jx0c7a1K9mZ4pQw8rTg.1771600000.kM2v...
       */
      deviceToken?: string;
    };
    FieldErrorDto: {
      /** @example loginId */
      field: string;
      /** @example loginId must be a string */
      message: string;
    };
    LoginOptionsDto: {
      /**
       * @description Extra claims for the session token, where Descope puts them: under nsec (claims.nsec). Refused unless ALLOW_CUSTOM_CLAIMS=true; reserved names (sub, iss, aud, exp, iat, nbf, jti, drn, amr, roles, permissions, tenants, dct, nsec) always refused.
       * @example {
       *       "plan": "pro"
       *     }
       */
      customClaims?: Record<string, never>;
      /**
       * @description Values for the message template
       * @example {
       *       "appName": "Acme"
       *     }
       */
      templateOptions?: Record<string, never>;
      /** @example welcome-template */
      templateId?: string;
      /** @example en-US */
      locale?: string;
      /**
       * @description Log out the user's other sessions
       * @example false
       */
      revokeOtherSessions?: boolean;
    };
    MaskedAddressResponseDto: {
      /**
       * @description Where the code went, masked: present when the login id (or, on an update, the new address) is an address of the channel's kind; left out for usernames, known and unknown alike
       * @example a***@example.com
       */
      maskedAddress?: string;
    };
    OtpSignInDto: {
      /**
       * @description Any login id: Descope delivers to the user's own address
       * @example grace@example.com
       */
      loginId: string;
      loginOptions?: components['schemas']['StepUpLoginOptionsDto'];
    };
    OtpSignUpDto: {
      /**
       * @description An email address for email; an E.164 number for sms, voice and whatsapp — unless user.email / user.phone gives the address
       * @example grace@example.com
       */
      loginId: string;
      user?: components['schemas']['SignUpUserDto'];
      signUpOptions?: components['schemas']['SignUpOptionsDto'];
    };
    OtpSignUpInDto: {
      /**
       * @description An email address for email; an E.164 number for sms, voice and whatsapp
       * @example grace@example.com
       */
      loginId: string;
      signUpOptions?: components['schemas']['SignUpOptionsDto'];
    };
    OtpUpdateEmailDto: {
      /**
       * @description A login id of the refresh token's own user
       * @example grace@example.com
       */
      loginId: string;
      /**
       * @description Also make the new address a login id. Another user's login id is 409 user_exists before any code is sent (a management lookup: 400 when the service has no DESCOPE_MANAGEMENT_KEY).
       * @example true
       */
      addToLoginIDs?: boolean;
      /**
       * @description With addToLoginIDs, when another user's login id is the address: merge this account into that user's (this refresh token stops working; the session is that user's). Refused (400) unless ALLOW_ACCOUNT_MERGE=true; without it, a taken address is 409 user_exists before any code is sent.
       * @example false
       */
      onMergeUseExisting?: boolean;
      /**
       * @example {
       *       "appName": "Acme"
       *     }
       */
      templateOptions?: Record<string, never>;
      /**
       * @description The new address; the code goes there
       * @example ada.new@example.com
       */
      email: string;
    };
    OtpUpdatePhoneDto: {
      /**
       * @description A login id of the refresh token's own user
       * @example grace@example.com
       */
      loginId: string;
      /**
       * @description Also make the new address a login id. Another user's login id is 409 user_exists before any code is sent (a management lookup: 400 when the service has no DESCOPE_MANAGEMENT_KEY).
       * @example true
       */
      addToLoginIDs?: boolean;
      /**
       * @description With addToLoginIDs, when another user's login id is the address: merge this account into that user's (this refresh token stops working; the session is that user's). Refused (400) unless ALLOW_ACCOUNT_MERGE=true; without it, a taken address is 409 user_exists before any code is sent.
       * @example false
       */
      onMergeUseExisting?: boolean;
      /**
       * @example {
       *       "appName": "Acme"
       *     }
       */
      templateOptions?: Record<string, never>;
      /**
       * @description The new number, E.164; the code goes there
       * @example +14155550123
       */
      phone: string;
    };
    OtpVerifyDto: {
      /**
       * @description Login id (email, phone or username)
       * @example grace@example.com
       */
      loginId: string;
      /**
       * @description The six-digit code that was sent
       * @example 123456
       */
      code: string;
    };
    PasswordPolicyResponseDto: {
      /** @example 8 */
      minLength: number;
      /** @example true */
      lowercase: boolean;
      /** @example true */
      uppercase: boolean;
      /** @example true */
      number: boolean;
      /** @example false */
      nonAlphanumeric: boolean;
    };
    PasswordReplaceDto: {
      /**
       * @description Login id (email, phone or username)
       * @example grace@example.com
       */
      loginId: string;
      /**
       * Format: password
       * @description The current password
       * @example Correct-Horse-9
       */
      oldPassword: string;
      /**
       * Format: password
       * @description The new password; must meet the password policy
       * @example Correct-Horse-9
       */
      newPassword: string;
      loginOptions?: components['schemas']['ReplaceOptionsDto'];
    };
    PasswordResetCompleteDto: {
      /**
       * @description The token from the reset link (its t= parameter)
       * @example bXktcmVzZXQtdG9rZW4
       */
      token: string;
      /**
       * Format: password
       * @description The new password; must meet the password policy
       * @example Correct-Horse-9
       */
      newPassword: string;
    };
    PasswordResetDto: {
      /**
       * @description Login id (email, phone or username)
       * @example grace@example.com
       */
      loginId: string;
      /**
       * @description Where the reset link points; its origin must be in ALLOWED_REDIRECT_ORIGINS
       * @example https://app.example.com/reset-password
       */
      redirectUrl?: string;
      /**
       * @example {
       *       "appName": "Acme"
       *     }
       */
      templateOptions?: Record<string, never>;
    };
    PasswordSignInDto: {
      /**
       * @description Login id (email, phone or username)
       * @example grace@example.com
       */
      loginId: string;
      /**
       * Format: password
       * @description Password
       * @example Correct-Horse-9
       */
      password: string;
      loginOptions?: components['schemas']['LoginOptionsDto'];
    };
    PasswordSignUpDto: {
      /**
       * @description Login id (email, phone or username)
       * @example grace@example.com
       */
      loginId: string;
      /**
       * Format: password
       * @description The new user's password; must meet the password policy
       * @example Correct-Horse-9
       */
      password: string;
      user?: components['schemas']['SignUpUserDto'];
      loginOptions?: components['schemas']['LoginOptionsDto'];
    };
    PasswordUpdateDto: {
      /**
       * @description Login id (email, phone or username)
       * @example grace@example.com
       */
      loginId: string;
      /**
       * Format: password
       * @description The new password; must meet the password policy
       * @example Correct-Horse-9
       */
      newPassword: string;
    };
    ProblemDto: {
      /** @example urn:problem:invalid_request */
      type: string;
      /** @example Invalid request */
      title: string;
      /** @example 400 */
      status: number;
      /** @example Invalid or missing fields: loginId */
      detail: string;
      /** @example invalid_request */
      code: string;
      /** @example 3f0c2a9e-6b1d-4a7e-9a39-1f6f3d2c8b11 */
      requestId: string;
      /**
       * @description Seconds to wait (429 only)
       * @example 30
       */
      retryAfter?: number;
      errors?: components['schemas']['FieldErrorDto'][];
      /**
       * @description Descope's own code, when it helps
       * @example E062107
       */
      descopeCode?: string;
    };
    ReplaceOptionsDto: {
      /**
       * @description End the user's other sessions: every session token issued before the new one is refused by this service and the packaged guard, on every instance
       * @example true
       */
      revokeOtherSessions?: boolean;
    };
    SessionResponseDto: {
      /** @example U2abc123 */
      userId: string;
      /**
       * @description Unix seconds
       * @example 1763800600
       */
      sessionExpiresAt: number;
      /**
       * @description Project-level roles
       * @example [
       *       "editor"
       *     ]
       */
      roles: string[];
      /**
       * @example [
       *       "docs.write"
       *     ]
       */
      permissions: string[];
      /**
       * @example {
       *       "acme": {
       *         "roles": [
       *           "admin"
       *         ],
       *         "permissions": [
       *           "docs.write"
       *         ]
       *       }
       *     }
       */
      tenants: Record<string, never>;
      /**
       * @description Current tenant (`dct`): the one selected, or set by Descope when the user has exactly one
       * @example acme
       */
      currentTenant?: string;
      /**
       * @description Authentication methods used, as Descope sets them (mfa: two or more methods)
       * @example [
       *       "pwd",
       *       "email",
       *       "mfa"
       *     ]
       */
      amr: string[];
      /**
       * @description Stepped up (the su claim)
       * @example false
       */
      steppedUp: boolean;
      /**
       * @description All claims of the token
       * @example {
       *       "sub": "U2abc123",
       *       "drn": "DS"
       *     }
       */
      claims: Record<string, never>;
    };
    SessionTenantDto: {
      /**
       * @description Tenant id to select; the new session carries it as dct
       * @example acme
       */
      tenant: string;
    };
    SessionValidateDto: {
      /**
       * @description The session JWT to check
       * @example eyJhbGciOiJSUzI1NiIsImtpZCI6IksxIn0.eyJzdWIiOiJVMiJ9.c2ln
       */
      sessionJwt: string;
      /**
       * @description Every one is required
       * @example [
       *       "admin"
       *     ]
       */
      roles?: string[];
      /**
       * @description Every one is required
       * @example [
       *       "docs.write"
       *     ]
       */
      permissions?: string[];
      /**
       * @description Check roles and permissions within this tenant only (the user must be a member); "current" names the token's current tenant (dct). Without it: project-level grants only
       * @example acme
       */
      tenant?: string;
    };
    SignUpOptionsDto: {
      /**
       * @description Extra claims for the session token, where Descope puts them: under nsec (claims.nsec). Refused unless ALLOW_CUSTOM_CLAIMS=true; reserved names (sub, iss, aud, exp, iat, nbf, jti, drn, amr, roles, permissions, tenants, dct, nsec) always refused.
       * @example {
       *       "plan": "pro"
       *     }
       */
      customClaims?: Record<string, never>;
      /**
       * @description Values for the message template
       * @example {
       *       "appName": "Acme"
       *     }
       */
      templateOptions?: Record<string, never>;
      /** @example welcome-template */
      templateId?: string;
    };
    SignUpUserDto: {
      /** @example grace@example.com */
      email?: string;
      /**
       * @description E.164
       * @example +14155550100
       */
      phone?: string;
      /** @example Grace Hopper */
      name?: string;
      /** @example Grace */
      givenName?: string;
      /** @example King */
      middleName?: string;
      /** @example Hopper */
      familyName?: string;
    };
    StepUpLoginOptionsDto: {
      /**
       * @description Extra claims for the session token, where Descope puts them: under nsec (claims.nsec). Refused unless ALLOW_CUSTOM_CLAIMS=true; reserved names (sub, iss, aud, exp, iat, nbf, jti, drn, amr, roles, permissions, tenants, dct, nsec) always refused.
       * @example {
       *       "plan": "pro"
       *     }
       */
      customClaims?: Record<string, never>;
      /**
       * @description Values for the message template
       * @example {
       *       "appName": "Acme"
       *     }
       */
      templateOptions?: Record<string, never>;
      /** @example welcome-template */
      templateId?: string;
      /** @example en-US */
      locale?: string;
      /**
       * @description Log out the user's other sessions
       * @example false
       */
      revokeOtherSessions?: boolean;
      /**
       * @description Step-up: the new session keeps the user, adds this method to amr (and mfa when the methods differ) and carries su: true (steppedUp). Needs a refresh token.
       * @example true
       */
      stepup?: boolean;
      /**
       * @description MFA: a second factor for the session; amr keeps the earlier methods and adds this one and mfa. Needs a refresh token.
       * @example false
       */
      mfa?: boolean;
    };
    TotpEnrolmentResponseDto: {
      /** @example otpauth://totp/Acme:ada%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Acme&algorithm=SHA1&digits=6&period=30 */
      provisioningURL: string;
      /**
       * @description QR code of provisioningURL: a bare base64 PNG
       * @example iVBORw0KGgoAAAANSUhEUgAA…
       */
      image: string;
      /**
       * @description The secret, base32, to type in by hand
       * @example JBSWY3DPEHPK3PXP
       */
      key: string;
    };
    TotpSignUpDto: {
      /**
       * @description Login id (email, phone or username)
       * @example grace@example.com
       */
      loginId: string;
      user?: components['schemas']['SignUpUserDto'];
    };
    TotpUpdateDto: {
      /**
       * @description A login id of the refresh token's own user
       * @example grace@example.com
       */
      loginId: string;
    };
    TotpVerifyDto: {
      /**
       * @description Login id (email, phone or username)
       * @example grace@example.com
       */
      loginId: string;
      /**
       * @description The 6-digit code the authenticator app shows now
       * @example 492039
       */
      code: string;
      loginOptions?: components['schemas']['StepUpLoginOptionsDto'];
    };
    UserResponseDto: {
      /** @example U2abc123 */
      userId: string;
      /**
       * @example [
       *       "grace@example.com"
       *     ]
       */
      loginIds: string[];
      /** @example Grace Hopper */
      name?: string;
      /** @example Grace */
      givenName?: string;
      /** @example  */
      middleName?: string;
      /** @example Hopper */
      familyName?: string;
      /** @example grace@example.com */
      email?: string;
      /** @example +14155550100 */
      phone?: string;
      /** @example true */
      verifiedEmail: boolean;
      /** @example false */
      verifiedPhone: boolean;
      /**
       * @example [
       *       "editor"
       *     ]
       */
      roleNames: string[];
      userTenants: components['schemas']['UserTenantDto'][];
      /** @example enabled */
      status: string;
      /**
       * @description Unix seconds
       * @example 1763800000
       */
      createdTime?: number;
      /**
       * @description An authenticator app is enrolled
       * @example false
       */
      TOTP: boolean;
      /**
       * @description The user has a password
       * @example true
       */
      password: boolean;
      /** @example {} */
      customAttributes?: Record<string, never>;
    };
    UserTenantDto: {
      /** @example acme */
      tenantId: string;
      /** @example Acme Inc. */
      tenantName: string;
      /**
       * @example [
       *       "admin"
       *     ]
       */
      roleNames: string[];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  HealthController_live: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  HealthController_ready: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description application/problem+json; code: not_ready */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
    };
  };
  MetricsController_metrics: {
    parameters: {
      query?: never;
      header: {
        authorization: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Prometheus text format */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description application/problem+json; code: token_missing | token_invalid */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
    };
  };
  OtpController_signIn: {
    parameters: {
      query?: never;
      header?: {
        /** @description The deviceToken of an earlier sign-in on this device (or the DT cookie): the device spends its own budget, not the one others may have spent for this login id */
        'X-Device-Token'?: string;
      };
      path: {
        /** @description Delivery channel */
        method: 'email' | 'sms' | 'voice' | 'whatsapp';
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OtpSignInDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MaskedAddressResponseDto'];
        };
      };
      /** @description application/problem+json; code: invalid_request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: token_missing | token_invalid | token_expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: request_timeout */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: unsupported_media_type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: rate_limited */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: headers_too_large */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_unavailable */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: not_ready | limiter_unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_timeout */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
    };
  };
  OtpController_signUpOrIn: {
    parameters: {
      query?: never;
      header?: {
        /** @description The deviceToken of an earlier sign-in on this device (or the DT cookie): the device spends its own budget, not the one others may have spent for this login id */
        'X-Device-Token'?: string;
      };
      path: {
        /** @description Delivery channel */
        method: 'email' | 'sms' | 'voice' | 'whatsapp';
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OtpSignUpInDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MaskedAddressResponseDto'];
        };
      };
      /** @description application/problem+json; code: invalid_request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: request_timeout */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: unsupported_media_type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: rate_limited */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: headers_too_large */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_unavailable */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: limiter_unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_timeout */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
    };
  };
  OtpController_signUp: {
    parameters: {
      query?: never;
      header?: {
        /** @description The deviceToken of an earlier sign-in on this device (or the DT cookie): the device spends its own budget, not the one others may have spent for this login id */
        'X-Device-Token'?: string;
      };
      path: {
        /** @description Delivery channel */
        method: 'email' | 'sms' | 'voice' | 'whatsapp';
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OtpSignUpDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MaskedAddressResponseDto'];
        };
      };
      /** @description application/problem+json; code: invalid_request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: request_timeout */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: unsupported_media_type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: rate_limited */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: headers_too_large */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_unavailable */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: limiter_unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_timeout */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
    };
  };
  OtpUpdateController_updateEmail: {
    parameters: {
      query?: never;
      header?: {
        /** @description The deviceToken of an earlier sign-in on this device (or the DT cookie): the device spends its own budget, not the one others may have spent for this login id */
        'X-Device-Token'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OtpUpdateEmailDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MaskedAddressResponseDto'];
        };
      };
      /** @description application/problem+json; code: invalid_request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: token_missing | token_invalid | token_expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: request_timeout */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: user_exists */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: unsupported_media_type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: rate_limited */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: headers_too_large */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_unavailable */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: not_ready | limiter_unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_timeout */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
    };
  };
  OtpUpdateController_updatePhone: {
    parameters: {
      query?: never;
      header?: {
        /** @description The deviceToken of an earlier sign-in on this device (or the DT cookie): the device spends its own budget, not the one others may have spent for this login id */
        'X-Device-Token'?: string;
      };
      path: {
        /** @description Delivery channel */
        method: 'sms' | 'voice' | 'whatsapp';
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OtpUpdatePhoneDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MaskedAddressResponseDto'];
        };
      };
      /** @description application/problem+json; code: invalid_request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: token_missing | token_invalid | token_expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: request_timeout */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: user_exists */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: unsupported_media_type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: rate_limited */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: headers_too_large */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_unavailable */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: not_ready | limiter_unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_timeout */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
    };
  };
  OtpController_verify: {
    parameters: {
      query?: never;
      header?: {
        /** @description The deviceToken of an earlier sign-in on this device (or the DT cookie): the device spends its own budget, not the one others may have spent for this login id */
        'X-Device-Token'?: string;
      };
      path: {
        /** @description Delivery channel */
        method: 'email' | 'sms' | 'voice' | 'whatsapp';
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OtpVerifyDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthResponseDto'];
        };
      };
      /** @description application/problem+json; code: invalid_request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: invalid_code */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: request_timeout */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: user_exists */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: unsupported_media_type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: too_many_attempts | rate_limited */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: headers_too_large */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_unavailable */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: not_ready | limiter_unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_timeout */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
    };
  };
  PasswordController_policy: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PasswordPolicyResponseDto'];
        };
      };
      /** @description application/problem+json; code: request_timeout */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: rate_limited */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: headers_too_large */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_unavailable */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_timeout */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
    };
  };
  PasswordController_replace: {
    parameters: {
      query?: never;
      header?: {
        /** @description The deviceToken of an earlier sign-in on this device (or the DT cookie): the device spends its own budget, not the one others may have spent for this login id */
        'X-Device-Token'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PasswordReplaceDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthResponseDto'];
        };
      };
      /** @description application/problem+json; code: invalid_request | weak_password */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: invalid_credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: request_timeout */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: unsupported_media_type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: too_many_attempts | rate_limited */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: headers_too_large */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_unavailable */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: not_ready | limiter_unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_timeout */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
    };
  };
  PasswordResetController_sendReset: {
    parameters: {
      query?: never;
      header?: {
        /** @description The deviceToken of an earlier sign-in on this device (or the DT cookie): the device spends its own budget, not the one others may have spent for this login id */
        'X-Device-Token'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PasswordResetDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AcceptedResponseDto'];
        };
      };
      /** @description application/problem+json; code: invalid_request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: request_timeout */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: unsupported_media_type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: rate_limited */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: headers_too_large */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_unavailable */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: limiter_unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_timeout */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
    };
  };
  PasswordResetController_completeReset: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PasswordResetCompleteDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthResponseDto'];
        };
      };
      /** @description application/problem+json; code: invalid_request | weak_password */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: invalid_code */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: request_timeout */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: unsupported_media_type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: rate_limited */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: headers_too_large */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_unavailable */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: not_ready */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_timeout */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
    };
  };
  PasswordController_signIn: {
    parameters: {
      query?: never;
      header?: {
        /** @description The deviceToken of an earlier sign-in on this device (or the DT cookie): the device spends its own budget, not the one others may have spent for this login id */
        'X-Device-Token'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PasswordSignInDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthResponseDto'];
        };
      };
      /** @description application/problem+json; code: invalid_request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: invalid_credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: password_expired */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: request_timeout */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: unsupported_media_type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: too_many_attempts | rate_limited */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: headers_too_large */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_unavailable */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: not_ready | limiter_unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_timeout */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
    };
  };
  PasswordController_signUp: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PasswordSignUpDto'];
      };
    };
    responses: {
      /** @description Signed up and signed in; sets DS/DSR cookies per TOKEN_DELIVERY */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthResponseDto'];
        };
      };
      /** @description application/problem+json; code: invalid_request | weak_password */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: request_timeout */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: user_exists */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: unsupported_media_type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: rate_limited */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: headers_too_large */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_unavailable */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: not_ready */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_timeout */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
    };
  };
  PasswordController_update: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PasswordUpdateDto'];
      };
    };
    responses: {
      /** @description Password updated */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description application/problem+json; code: invalid_request | weak_password */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: token_missing | token_invalid | token_expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: request_timeout */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: unsupported_media_type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: rate_limited */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: headers_too_large */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_unavailable */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: not_ready */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_timeout */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
    };
  };
  SessionController_current: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionResponseDto'];
        };
      };
      /** @description application/problem+json; code: token_missing | token_invalid | token_expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: request_timeout */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: headers_too_large */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: not_ready */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
    };
  };
  SessionController_logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Logged out */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description application/problem+json; code: token_missing | token_invalid | token_expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: request_timeout */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: rate_limited */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: headers_too_large */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_unavailable */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: not_ready */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_timeout */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
    };
  };
  SessionController_logoutAll: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Logged out everywhere */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description application/problem+json; code: token_missing | token_invalid | token_expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: request_timeout */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: rate_limited */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: headers_too_large */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_unavailable */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: not_ready */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_timeout */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
    };
  };
  SessionController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserResponseDto'];
        };
      };
      /** @description application/problem+json; code: token_missing | token_invalid | token_expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: request_timeout */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: rate_limited */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: headers_too_large */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_unavailable */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: not_ready */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_timeout */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
    };
  };
  SessionController_refresh: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthResponseDto'];
        };
      };
      /** @description application/problem+json; code: token_missing | token_invalid | token_expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: request_timeout */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: rate_limited */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: headers_too_large */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_unavailable */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: not_ready */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_timeout */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
    };
  };
  SessionController_selectTenant: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SessionTenantDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthResponseDto'];
        };
      };
      /** @description application/problem+json; code: invalid_request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: token_missing | token_invalid | token_expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: request_timeout */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: unsupported_media_type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: rate_limited */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: headers_too_large */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_unavailable */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: not_ready */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_timeout */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
    };
  };
  SessionController_validate: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SessionValidateDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionResponseDto'];
        };
      };
      /** @description application/problem+json; code: invalid_request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: token_invalid | token_expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: request_timeout */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: unsupported_media_type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: headers_too_large */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: not_ready */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
    };
  };
  TotpController_signUp: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TotpSignUpDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TotpEnrolmentResponseDto'];
        };
      };
      /** @description application/problem+json; code: invalid_request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: request_timeout */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: user_exists */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: unsupported_media_type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: rate_limited */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: headers_too_large */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_unavailable */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_timeout */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
    };
  };
  TotpController_update: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TotpUpdateDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TotpEnrolmentResponseDto'];
        };
      };
      /** @description application/problem+json; code: invalid_request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: token_missing | token_invalid | token_expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: request_timeout */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: unsupported_media_type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: rate_limited */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: headers_too_large */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_unavailable */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: not_ready */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_timeout */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
    };
  };
  TotpController_verify: {
    parameters: {
      query?: never;
      header?: {
        /** @description The deviceToken of an earlier sign-in on this device (or the DT cookie): the device spends its own budget, not the one others may have spent for this login id */
        'X-Device-Token'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TotpVerifyDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthResponseDto'];
        };
      };
      /** @description application/problem+json; code: invalid_request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: invalid_code | token_missing | token_invalid | token_expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: request_timeout */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: unsupported_media_type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: too_many_attempts | rate_limited */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: headers_too_large */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_unavailable */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: not_ready | limiter_unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
      /** @description application/problem+json; code: upstream_timeout */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDto'];
        };
      };
    };
  };
}
