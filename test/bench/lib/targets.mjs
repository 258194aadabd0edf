// The targets for the bench: each ratio's floor and goal, and the constants of its limits.

/** Each target: the row, what it is compared with, the floor and the goal. */
export const TARGETS = [
  ['c.repeated', 'e', 0.5, 0.7],
  ['c.repeated', 'b', 3, 4],
  ['c.repeated', 'a', undefined, 1.5],
  ['d.repeated', 'e', 0.4, 0.55],
  ['d.repeated', 'b', 3, 4],
  ['d.repeated', 'a', undefined, 1.5],
  ['c.distinct', 'e', 0.5, 0.7],
  ['c.distinct', 'b', 3, 4],
  ['d.distinct', 'e', 0.4, 0.55],
  ['d.distinct', 'b', 3, 4],
  ['c.fresh', 'a', 0.6, 0.9],
  ['d.fresh', 'a', 0.6, 0.9],
  ['g.service', 'g.naive', 1, 1.5],
];

/** The service's JWKS_COOLDOWN_MS default: no two key-set fetches closer than that. */
export const COOLDOWN_MS = 5000;

/** Rows measured on the anchors, not on this service (left out of its peak RSS). */
export const ANCHOR_ROWS = new Set(['a', 'b', 'g.naive']);

/** A ratio's verdict against its floor (if any) and goal. */
export function verdict(value, floor, goal) {
  if (value === undefined) return 'n/a';
  if (value >= goal) return 'goal met';
  if (floor === undefined) return 'below goal';
  return value >= floor ? 'floor met' : 'MISSED';
}
