import { EmulatorContext } from '../context';
import { EmulatorRequest, Route } from '../route';

function stats(_request: EmulatorRequest, context: EmulatorContext) {
  const requests = Object.fromEntries(context.stats);
  return { requests, jwksFetches: requests['GET /v2/keys/:projectId'] ?? 0 };
}

/** Emulator-only routes: never on real Descope, never on the service. */
export const adminRoutes: Route[] = [
  {
    method: 'GET',
    path: '/emulator/outbox',
    scope: 'open',
    handler: ({ query }, context) => ({
      messages: context.outbox.list(query.get('loginId') ?? undefined),
    }),
  },
  {
    method: 'DELETE',
    path: '/emulator/outbox',
    scope: 'open',
    handler: (_request, context) => {
      context.outbox.clear();
      return {};
    },
  },
  {
    method: 'POST',
    path: '/emulator/keys/rotate',
    scope: 'open',
    handler: ({ query }, context) => context.keys.rotate(query.get('drop') === 'true'),
  },
  { method: 'GET', path: '/emulator/stats', scope: 'open', handler: stats },
];
