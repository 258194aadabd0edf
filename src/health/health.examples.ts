/** A ready replica whose Redis is unreachable: still ready, overall status `degraded`. */
export const READY_EXAMPLE = {
  status: 'degraded',
  info: {
    config: { status: 'up', descope: 'project', sharedLimits: true },
    signingKeys: { status: 'up', keys: 2 },
    descope: { status: 'up', lastKeyFetchSecondsAgo: 42 },
    redis: { status: 'degraded', message: 'unreachable', responseTimeMs: 3 },
    revocations: {
      status: 'degraded',
      message: 'waiting for Redis to reach the other instances',
      pending: 1,
    },
  },
  error: {},
  details: {
    config: { status: 'up', descope: 'project', sharedLimits: true },
    signingKeys: { status: 'up', keys: 2 },
    descope: { status: 'up', lastKeyFetchSecondsAgo: 42 },
    redis: { status: 'degraded', message: 'unreachable', responseTimeMs: 3 },
    revocations: {
      status: 'degraded',
      message: 'waiting for Redis to reach the other instances',
      pending: 1,
    },
  },
};
