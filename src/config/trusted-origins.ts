import { EnvironmentVariables } from './env.validation';

/**
 * Origins that may send cookie-authenticated state-changing requests (CSRF): the frontends of
 * CORS_ORIGINS and the service's own PUBLIC_ORIGIN (outside production, http://localhost:PORT
 * when unset, so Swagger UI works with cookies on a default `npm start`).
 */
export function trustedOrigins(config: EnvironmentVariables): string[] {
  const own =
    config.PUBLIC_ORIGIN ??
    (config.NODE_ENV === 'production' ? undefined : `http://localhost:${config.PORT}`);
  return [...config.CORS_ORIGINS, ...(own ? [own] : [])];
}
