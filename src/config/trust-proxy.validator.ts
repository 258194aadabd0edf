import { isIP } from 'node:net';
import { ValidateBy } from 'class-validator';

/**
 * An IPv4/IPv6 address, or a CIDR block no broader than /8 (IPv4) or /16 (IPv6): broader blocks
 * (0.0.0.0/1 twice covers everyone) would trust client-written addresses, as `true` would.
 */
function isAddressOrCidr(item: string): boolean {
  const [address, prefix, ...rest] = item.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  const [narrowest, broadest] = version === 4 ? [32, 8] : [128, 16];
  return /^\d+$/.test(prefix) && bits <= narrowest && bits >= broadest;
}

/**
 * `false`, a hop count, or a list of proxy addresses/CIDRs, as Fastify's `trustProxy` takes
 * them. `true` is refused: it trusts the leftmost X-Forwarded-For, which the client writes.
 */
export const IsTrustProxy = () =>
  ValidateBy({
    name: 'isTrustProxy',
    validator: {
      validate: (value: unknown) =>
        value === false ||
        (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 16) ||
        (Array.isArray(value) && value.length > 0 && value.every(isAddressOrCidr)),
      defaultMessage: () =>
        "TRUST_PROXY must be false, a hop count (1: one proxy in front) or the proxies' " +
        'addresses or CIDRs no broader than /8 or /16 (e.g. 10.0.0.0/8,127.0.0.1); true is ' +
        'refused because it would trust ' +
        'the X-Forwarded-For the client writes itself',
    },
  });
