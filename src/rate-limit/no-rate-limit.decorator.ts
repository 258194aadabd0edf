import { SkipThrottle } from '@nestjs/throttler';

/** Exempt from both limits: the session hot path, health and metrics must stay cheap. */
export const NoRateLimit = () => SkipThrottle({ ip: true, 'login-id': true });
