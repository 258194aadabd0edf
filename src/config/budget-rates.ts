import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';

/** At most `limit` events per `windowMs`. */
export interface BudgetRate {
  limit: number;
  windowMs: number;
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const RATE = /^(\d+)\/(\d+)([smhd])$/;

/** `5/15m` → 5 per 15 minutes. */
function parseRate(text: string): BudgetRate | string {
  const match = RATE.exec(text.trim());
  if (!match) return text;
  return { limit: Number(match[1]), windowMs: Number(match[2]) * UNIT_MS[match[3]] };
}

/**
 * Budget rates written `count/duration` (`s`, `m`, `h`, `d`), comma-separated for several
 * windows (`5/15m,20/1d`); `off` or `0` for none. `fallback` when unset.
 */
export const ratesOr = (fallback: string) =>
  Transform(({ value }: { value: unknown }) => {
    const text = typeof value === 'string' && value.trim() !== '' ? value : fallback;
    if (['off', '0'].includes(text.trim())) return [];
    return text.split(',').map(parseRate);
  });

/** Every item parsed into a positive count per positive window. */
export const IsRates = () =>
  ValidateBy({
    name: 'isRates',
    validator: {
      validate: (value: unknown) =>
        Array.isArray(value) &&
        value.every(
          (rate: BudgetRate | string) =>
            typeof rate === 'object' && rate.limit > 0 && rate.windowMs > 0,
        ),
      defaultMessage: (args) =>
        `${args?.property} must be count/duration items such as 5/15m or 5/15m,20/1d, or off`,
    },
  });
