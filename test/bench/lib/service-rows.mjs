// The service's rows, measured in two passes, the second in reverse order, with sign-in between
// them: e, c (one token, 1,000 tokens, every token new), d (the same), g, then d, c, e backwards.
// Every row's two passes then sit as far before sign-in, near the middle of the run, as after it;
// the anchors' passes sit before and after all of them (./passes.mjs). So a drift of the
// machine's speed biases no ratio much, and one slow spell during one pass shows as the row's
// drift instead of deciding its verdict alone.

/**
 * The rows of pass 0 or 1 over the session routes, in order. Each pass takes its own pools of new
 * tokens for (c) and (d) (`tokens.fresh.c[pass]`): a token one row sent is not new to another.
 */
function sessionRows(tokens, pass) {
  const routes = [
    ['c', 'GET /v1/session', { path: '/v1/session', place: 'bearer' }],
    [
      'd',
      'POST /v1/session/validate',
      { path: '/v1/session/validate', method: 'POST', place: 'body' },
    ],
  ];
  return [
    ['e', 'GET /health/live', { path: '/health/live' }],
    ...routes.flatMap(([id, name, request]) => [
      [`${id}.repeated`, `${name}, one token`, { ...request, tokens: tokens.repeated }],
      [`${id}.distinct`, `${name}, 1,000 tokens`, { ...request, tokens: tokens.distinct }],
      [
        `${id}.fresh`,
        `${name}, every token new`,
        { ...request, tokens: tokens.fresh[id][pass], seconds: 2 },
      ],
    ]),
  ];
}

/**
 * Measures the service's rows through `row(server, id, title, load)` in two mirrored passes;
 * `tokens.fresh` holds two pools per route (`c`, `d`), one per pass. `signIn()` runs in the middle.
 */
export async function measureService({ row, service, tokens, signIn }) {
  const [first, second] = [0, 1].map((pass) => sessionRows(tokens, pass));
  for (const [id, title, request] of first) await row(service, id, title, request);
  await signIn();
  for (const [id, title, request] of second.reverse()) await row(service, id, title, request);
}
