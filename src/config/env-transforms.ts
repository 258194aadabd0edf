import { Transform } from 'class-transformer';

/*
 * How environment strings become typed values. Each helper takes the key's default, so every
 * default is written once, at the key; an empty string counts as unset.
 */

const unset = (value: unknown) => value === undefined || value === '';

/** A string, or `fallback` when unset. */
export const textOr = (fallback?: string) =>
  Transform(({ value }: { value: unknown }) => (unset(value) ? fallback : value));

/** A lower-cased string, or `fallback` when unset. */
export const lowerOr = (fallback: string) =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && value !== '' ? value.toLowerCase() : fallback,
  );

/** A number (NaN fails validation), or `fallback` when unset. */
export const intOr = (fallback?: number) =>
  Transform(({ value }: { value: unknown }) => (unset(value) ? fallback : Number(value)));

/** `true`/`false` (anything else fails validation), or `fallback` when unset. */
export const boolOr = (fallback: boolean) =>
  Transform(({ value }: { value: unknown }) =>
    unset(value) ? fallback : value === 'true' ? true : value === 'false' ? false : value,
  );

/** A comma-separated list, trimmed, empty items dropped; `[]` when unset. */
export const listOf = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean)
      : (value ?? []),
  );
