import { isIPv6 } from 'node:net';

/**
 * The one spelling of a login id in every budget, device-token and epoch key: Unicode NFC,
 * trimmed, lower-cased, so "Ada@Example.com ", the Kelvin sign and NFD forms share one budget.
 */
export const accountKey = (loginId: string) => loginId.normalize('NFC').trim().toLowerCase();

/** A client by IP as resolved under TRUST_PROXY; IPv6 grouped by /64 (one subscriber's block). */
export function clientKey(ip: string): string {
  const address = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  if (!isIPv6(address)) return address;
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group || '0', 16).toString(16))
    .join(':')}::/64`;
}
