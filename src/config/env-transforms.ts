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
export const boolOr = (fallback?: boolean) =>
  Transform(({ value }: { value: unknown }) =>
    unset(value) ? fallback : value === 'true' ? true : value === 'false' ? false : value,
  );

/**
 * A comma-separated list, trimmed, empty items dropped, each item through `item` when given
 * (a value it cannot read is left for validation to refuse); `[]` when unset.
 */
export const listOf = <T = string>(item?: (text: string) => T) =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value ?? [];
    const items = value
      .split(',')
      .map((text) => text.trim())
      .filter(Boolean);
    return item ? items.map(item) : items;
  });

/** A comma-separated list of origins, each as `new URL(item).origin` spells it. */
export const originsOf = () => listOf(toOrigin);

/** An origin as browsers send it; anything that is not an http(s) origin stays as given. */
function toOrigin(item: string): string {
  try {
    const url = new URL(item);
    const bare = url.pathname === '/' && !url.search && !url.hash && !url.username;
    return bare && /^https?:$/.test(url.protocol) ? url.origin : item;
  } catch {
    return item;
  }
}

/** One origin (see `originsOf`), or `undefined` when unset. */
export const originOr = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && value !== '' ? toOrigin(value.trim()) : undefined,
  );

/**
 * TRUST_PROXY: `false` when unset or "false", a hop count for digits, else a list of proxy
 * addresses or CIDRs. "true" stays a string, which validation refuses with its reason.
 */
export const trustProxyOf = () =>
  Transform(({ value }: { value: unknown }) => {
    if (value === undefined || value === '' || value === 'false') return false;
    if (typeof value !== 'string') return value;
    if (/^\d+$/.test(value.trim())) return Number(value.trim());
    if (value.trim() === 'true') return 'true';
    return value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  });
