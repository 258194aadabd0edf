import { isIPv6 } from 'node:net';
import type { BudgetWindow } from './budget-store';

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

/**
 * A window's Redis key: its group in the hash tag (`{<prefix>:budget:<group>}:<key>`), so Redis
 * Cluster keeps every window of a group on one slot and one script can take their units. The
 * tag ends at the first `}`, which is the one written here whatever the group holds, so keys of
 * one group always share it.
 */
export const redisWindowKey = (prefix: string, { group, key }: BudgetWindow) =>
  `{${prefix}:budget:${group}}:${key}`;

/**
 * A login id's device-token epoch. Untagged: it is read and bumped alone (a slot of its own is
 * fine), and the name it had before keys were tagged is kept, since a renamed epoch would read 0
 * again and revoked device tokens (minted under 0) would count once more.
 */
export const redisEpochKey = (prefix: string, account: string) =>
  `${prefix}:budget:epoch:${account}`;
