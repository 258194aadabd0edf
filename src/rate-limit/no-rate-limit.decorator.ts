import { SkipThrottle } from '@nestjs/throttler';

/** Exempt from the request limit: the session hot path, health and metrics must stay cheap. */
export const NoRateLimit = () => SkipThrottle({ ip: true });
