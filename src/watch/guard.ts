/**
 * Safe fetching of third-party links. Feeds are other people's content: a link (or a redirect) that resolves to a
 * loopback, private, link-local (169.254.169.254 is the cloud metadata service), shared, multicast or reserved
 * address is refused with a `blocked` InputError, and so is any scheme but http and https. The operator's own
 * feeds are trusted: a feed given on such an address lets its entries use that same host (and port); `--allow-private`
 * lets every link through. Addresses are checked with Node's BlockList after a DNS lookup of every address of the name.
 */
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import { InputError } from '../ingest/errors.js';

const blocked = new net.BlockList();
for (const [net4, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) blocked.addSubnet(net4, bits, 'ipv4');
for (const [net6, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) blocked.addSubnet(net6, bits, 'ipv6');

/** True for an address a third-party link may not reach (IPv4-mapped IPv6 addresses are checked as IPv4). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  const family = net.isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export type Resolver = (host: string) => Promise<string[]>;

const systemResolver: Resolver = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** The host of a URL without IPv6 brackets. */
const bareHost = (url: URL): string => url.hostname.replace(/^\[|\]$/g, '');

/** Whether `url`'s host resolves to a private address (for telling whether the operator gave a feed on one). */
export async function resolvesPrivate(url: URL, resolve: Resolver = systemResolver): Promise<boolean> {
  const host = bareHost(url);
  const addresses = net.isIP(host) ? [host] : await resolve(host).catch(() => []);
  return addresses.some(isPrivateAddress);
}

export interface GuardPolicy {
  /** `--allow-private`: follow links to any address. */
  allowPrivate: boolean;
  /** `host:port` of feeds the operator gave on private addresses: their links may use that host. */
  trustedHosts: ReadonlySet<string>;
  resolve?: Resolver;
}

/** `host:port` as the guard compares hosts (the scheme's default port filled in). */
export function hostKey(url: URL): string {
  return `${bareHost(url).toLowerCase()}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
}

/** A FetchOptions.guard for links found in a feed. */
export function linkGuard(policy: GuardPolicy): (url: URL, input: string) => Promise<void> {
  const resolve = policy.resolve ?? systemResolver;
  return async (url, input) => {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError(input, 'blocked', `not following a ${url.protocol} link from a feed (only http and https)`);
    if (policy.allowPrivate || policy.trustedHosts.has(hostKey(url))) return;
    const host = bareHost(url);
    let addresses: string[];
    try {
      addresses = net.isIP(host) ? [host] : await resolve(host);
    } catch (e) {
      throw new InputError(input, 'unreachable', `cannot resolve ${host}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
    const bad = addresses.find(isPrivateAddress);
    if (bad !== undefined) {
      throw new InputError(input, 'blocked', `refused: ${url.href} resolves to ${bad}, a loopback, private or link-local address (a feed's link may not reach the local network; pass --allow-private to allow it)`);
    }
  };
}
