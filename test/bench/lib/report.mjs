// The bench's verdict: ratios of the service to its anchors, checked against the targets, printed
// as a Markdown table (what the README shows) and written to test-output/bench/results.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { mergePasses } from './passes.mjs';
import { ANCHOR_ROWS, COOLDOWN_MS, TARGETS, verdict } from './targets.mjs';

const ratio = (a, b) => (a && b ? Math.round((a / b) * 100) / 100 : undefined);

export function report({
  rows: measured,
  pinned,
  idleRss,
  settledRss,
  starts,
  propagation,
  revocationEntries,
  seconds,
  nodeVersions,
  commit,
}) {
  const rows = mergePasses(measured);
  const startToReadyMs = starts.toSorted((x, y) => x - y)[Math.floor(starts.length / 2)];
  const byId = Object.fromEntries(rows.map((row) => [row.id, row]));
  const crossRuntime = nodeVersions.anchors !== nodeVersions.service;
  const ratios = TARGETS.map(([id, base, floor, goal]) => {
    // A fresh row whose pool ran out sent some tokens twice: its figure is not all misses.
    const repeated = id.endsWith('.fresh') && byId[id]?.tokensRepeated;
    const value = repeated ? undefined : ratio(byId[id]?.rps, byId[base]?.rps);
    return {
      row: id,
      versus: base,
      ratio: value,
      floor,
      goal,
      // Against anchors on another Node the ratios compare runtimes too: said so in the verdict.
      verdict: repeated
        ? 'not measured: the token pool ran out (raise BENCH_FRESH_TOKENS)'
        : `${verdict(value, floor, goal)}${crossRuntime ? ' (anchors on another Node)' : ''}`,
    };
  });
  const flood = {
    validP99: byId['f.valid']?.p99,
    cleanP99: byId['f.clean']?.p99,
    jwksFetches: byId['f.flood']?.jwksFetches,
    shortestFetchGapMs: byId['f.flood']?.shortestFetchGapMs,
  };
  const peakRss = Math.max(
    ...rows.filter((row) => !ANCHOR_ROWS.has(row.id)).map((row) => row.rssMb ?? 0),
  );
  const limit = (name, value, bound, met) => ({
    name,
    value,
    bound,
    verdict: met ? 'met' : 'MISSED',
  });
  // The worst pass of either route: a mean would let a 15 ms pass hide beside a 4 ms one.
  const worstP99 = (row) => Math.max(...(row?.passes ?? [row ?? {}]).map((p) => p.p99 ?? 0));
  const hitP99 = Math.max(worstP99(byId['c.repeated']), worstP99(byId['d.repeated']));
  const limits = [
    limit('p99 on memo hits, ms', hitP99, '< 10', hitP99 < 10),
    limit(
      'flood: valid p99 / clean p99',
      ratio(flood.validP99, flood.cleanP99),
      '<= 2',
      flood.validP99 <= 2 * flood.cleanP99,
    ),
    limit(
      `shortest gap between the flood's ${flood.jwksFetches} key-set fetches, ms`,
      flood.shortestFetchGapMs ?? 'n/a',
      `>= ${COOLDOWN_MS} (1 per cooldown)`,
      (flood.shortestFetchGapMs ?? Infinity) >= COOLDOWN_MS,
    ),
    limit('start to ready, ms', startToReadyMs, '< 1500', startToReadyMs < 1500),
    limit('peak RSS under load, MB', peakRss, '< 300', peakRss < 300),
    limit(
      'RSS 3 s after load above idle, MB',
      settledRss - idleRss,
      '<= 50',
      settledRss - idleRss <= 50,
    ),
    limit(
      `logout propagation p99 over ${propagation.logouts} logouts, ms`,
      propagation.p99,
      '<= 1000',
      propagation.p99 <= 1000,
    ),
  ];
  const summary = {
    commit,
    nodeVersions,
    pinned,
    seconds,
    idleRssMb: idleRss,
    peakRssMb: peakRss,
    settledRssMb: settledRss,
    startToReadyMs,
    starts,
    flood,
    propagation,
    revocationEntries,
    // How far each twice-measured row moved between its passes (0.1 = the second 10 % faster).
    drift: Object.fromEntries(rows.filter((r) => r.passes).map((r) => [r.id, r.drift])),
  };

  console.log(
    '\n| row | server and load | req/s | p50 / p99 ms | peak RSS MB |\n|---|---|---|---|---|',
  );
  const figure = (n) => n.toLocaleString('en');
  for (const row of rows) {
    // A row of two passes shows their mean, then each pass in order.
    const passes = row.passes ? ` (${row.passes.map((p) => figure(p.rps)).join(' → ')})` : '';
    console.log(
      `| ${row.id} | ${row.title} | ${figure(row.rps)}${passes} | ${row.p50} / ${row.p99} | ${row.rssMb ?? ''} |`,
    );
  }
  console.log('\n| ratio | value | floor | goal | verdict |\n|---|---|---|---|---|');
  for (const r of ratios) {
    console.log(
      `| ${r.row} / ${r.versus} | ${r.ratio ?? 'n/a'} | ${r.floor ?? '—'} | ${r.goal ?? '—'} | ${r.verdict} |`,
    );
  }
  console.log('\n| limit | value | target | verdict |\n|---|---|---|---|');
  for (const l of limits) console.log(`| ${l.name} | ${l.value} | ${l.bound} | ${l.verdict} |`);
  console.log(`\n${JSON.stringify(summary)}`);
  const out = resolve(import.meta.dirname, '../../../test-output/bench');
  mkdirSync(out, { recursive: true });
  const file = resolve(out, 'results.json');
  writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), summary, ratios, limits, rows }, null, 2)}\n`,
  );
  console.log(`written to ${file}`);
}
