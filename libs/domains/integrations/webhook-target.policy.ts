import { LookupAddress, lookup } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Where webhooks may go. Outside the allow-list a target is an https URL whose every address is public: no
 * loopback, private, shared (CGNAT), link-local (cloud metadata at 169.254.169.254), multicast, reserved or
 * unspecified range, in IPv4 or IPv6 (IPv4-mapped included). Checked when a subscription is saved and again at
 * each connection, on the address actually connected to, so a name that later resolves inwards is refused too.
 */
const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6');
}

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return isPublicAddress(mapped[1]);
    return !BLOCKED.check(address, 'ipv6');
  }
  return !BLOCKED.check(address, 'ipv4');
}

export type TargetProblem = 'invalid' | 'scheme' | 'credentials' | 'address';

export class UnsafeTargetError extends Error {
  constructor(readonly problem: TargetProblem) {
    super(`unsafe webhook target: ${problem}`);
    this.name = 'UnsafeTargetError';
  }
}

const hostOf = (url: URL) => url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');

/** The URL's form: https (or an allow-listed host), no credentials in it, and a literal address must be public. */
export function checkTargetUrl(raw: string, allowHosts: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeTargetError('invalid');
  }
  const allowed = allowHosts.includes(hostOf(url));
  if (url.protocol !== 'https:' && !(allowed && url.protocol === 'http:')) throw new UnsafeTargetError('scheme');
  if (url.username || url.password) throw new UnsafeTargetError('credentials');
  if (!allowed && isIP(hostOf(url)) !== 0 && !isPublicAddress(hostOf(url))) throw new UnsafeTargetError('address');
  return url;
}

/** Every address the URL's host resolves to must be public (unless allow-listed). */
export async function checkTargetAddresses(url: URL, allowHosts: readonly string[]): Promise<void> {
  if (allowHosts.includes(hostOf(url))) return;
  const addresses = await new Promise<LookupAddress[]>((resolve, reject) =>
    lookup(hostOf(url), { all: true }, (error, found) => (error ? reject(new UnsafeTargetError('address')) : resolve(found))),
  );
  if (addresses.length === 0 || !addresses.every((a) => isPublicAddress(a.address))) throw new UnsafeTargetError('address');
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request that refuses non-public addresses: the check happens on the address the socket
 * then connects to, so DNS cannot answer one thing to the check and another to the connection.
 */
export function safeLookup(allowHosts: readonly string[]) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const allowed = allowHosts.includes(hostname.toLowerCase());
      const usable = addresses.filter((a) => allowed || isPublicAddress(a.address));
      if (usable.length === 0) return callback(new UnsafeTargetError('address'), []);
      if (options.all) return callback(null, usable);
      return callback(null, usable[0].address, usable[0].family);
    });
  };
}
