// Rows measured more than once: the anchors before and after the service's rows, and the
// service's session rows in two passes around sign-in, each second pass in reverse order. The
// machine this runs on can drift by tens of per cent within one run; every pair of passes sits
// around the middle of the run, so the mean of a row's passes is what it would have measured
// there if the drift is roughly linear. Each pass stays in `passes`, and
// `drift` says how far the second moved from the first, so a run on a changing machine says so.

const mean = (values, digits = 0) => {
  const scale = 10 ** digits;
  return Math.round((values.reduce((sum, v) => sum + v, 0) / values.length) * scale) / scale;
};

const addStatuses = (passes) => {
  const total = {};
  for (const pass of passes)
    for (const [status, count] of Object.entries(pass.unexpectedStatuses ?? {}))
      total[status] = (total[status] ?? 0) + count;
  return total;
};

/** One row per id, in order of first appearance; an id seen more than once becomes its mean. */
export function mergePasses(rows) {
  const byId = new Map();
  for (const row of rows) byId.set(row.id, [...(byId.get(row.id) ?? []), row]);
  return [...byId.values()].map((passes) => {
    if (passes.length === 1) return passes[0];
    const of = (key) => passes.map((pass) => pass[key] ?? 0);
    const sum = (key) => of(key).reduce((total, v) => total + v, 0);
    return {
      ...passes[0],
      rps: mean(of('rps')),
      p50: mean(of('p50'), 1),
      p99: mean(of('p99'), 1),
      requests: sum('requests'),
      // Passes may share one pool (distinct) or have their own (fresh): each keeps its count.
      distinctTokens: Math.max(...of('distinctTokens')),
      // Any pass whose pool came round sent a token twice (each pass has its own pool).
      tokensRepeated: passes.some((pass) => pass.tokensRepeated),
      unexpected: sum('unexpected'),
      unexpectedStatuses: addStatuses(passes),
      rssMb: Math.max(...of('rssMb')),
      passes: passes.map(({ rps, p50, p99, distinctTokens }) => ({
        rps,
        p50,
        p99,
        distinctTokens,
      })),
      drift: Math.round((passes.at(-1).rps / passes[0].rps - 1) * 100) / 100,
    };
  });
}
