import { describe, expect, it } from 'vitest';
import { InputError } from '../ingest/errors.js';
import { parseDuration } from './duration.js';
import { hostKey, isPrivateAddress, linkGuard } from './guard.js';
import { HostGate } from './hosts.js';
import { parseRobots, robotsAllows } from './robots.js';
import { FAILING_AFTER, FAILING_RETRY_S, intervalAfterFailure, intervalAfterSuccess, maxAgeSeconds, retryAfterSeconds } from './schedule.js';

describe('parseDuration', () => {
  it('reads seconds, minutes, hours and days, and names the option on bad input', () => {
    expect([parseDuration('90'), parseDuration('30s'), parseDuration('5m'), parseDuration('1.5h'), parseDuration('1d')]).toEqual([90, 30, 300, 5400, 86400]);
    expect(() => parseDuration('soon')).toThrow('--every must be a duration such as 30s, 5m, 1h or 1d (at least 1 second), got "soon"');
    expect(() => parseDuration('0s')).toThrow(/at least 1 second/);
  });
});

describe('the address guard', () => {
  it('knows loopback, private, link-local and mapped addresses from public ones', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '0.0.0.0', '::1', 'fe80::1', 'fd00::5', '::ffff:127.0.0.1', '100.64.0.1']) expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['93.184.215.14', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8']) expect(isPrivateAddress(a), a).toBe(false);
  });

  const resolve = (table: Record<string, string[]>) => async (host: string) => {
    const r = table[host];
    if (!r) throw new Error(`ENOTFOUND ${host}`);
    return r;
  };
  const refused = async (p: Promise<void>): Promise<InputError> => {
    try {
      await p;
    } catch (e) {
      if (e instanceof InputError) return e;
      throw e;
    }
    throw new Error('not refused');
  };

  it('refuses a link that resolves to the metadata service or the local network, naming it', async () => {
    const guard = linkGuard({ allowPrivate: false, trustedHosts: new Set(), resolve: resolve({ 'news.example': ['93.184.215.14'], 'sneaky.example': ['93.184.215.14', '169.254.169.254'] }) });
    await guard(new URL('https://news.example/a.html'), 'https://news.example/a.html');
    const meta = await refused(guard(new URL('http://169.254.169.254/latest/meta-data/'), 'entry'));
    expect([meta.kind, meta.message]).toEqual(['blocked', 'entry: refused: http://169.254.169.254/latest/meta-data/ resolves to 169.254.169.254, a loopback, private or link-local address (a feed\'s link may not reach the local network; pass --allow-private to allow it)']);
    expect((await refused(guard(new URL('http://sneaky.example/'), 'x'))).kind).toBe('blocked');
    expect((await refused(guard(new URL('http://[::1]:8080/'), 'x'))).kind).toBe('blocked');
    const file = await refused(guard(new URL('file:///etc/passwd'), 'x'));
    expect([file.kind, file.reason]).toEqual(['blocked', 'not following a file: link from a feed (only http and https)']);
  });

  it('lets through the host of a feed the operator gave on a private address, and everything with --allow-private', async () => {
    const trusted = linkGuard({ allowPrivate: false, trustedHosts: new Set([hostKey(new URL('http://127.0.0.1:8080/feed.xml'))]) });
    await trusted(new URL('http://127.0.0.1:8080/page.html'), 'x');
    expect((await refused(trusted(new URL('http://127.0.0.1:9090/page.html'), 'x'))).kind).toBe('blocked');
    await linkGuard({ allowPrivate: true, trustedHosts: new Set() })(new URL('http://10.0.0.5/page.html'), 'x');
    // Not even --allow-private follows a file: link.
    expect((await refused(linkGuard({ allowPrivate: true, trustedHosts: new Set() })(new URL('file:///etc/passwd'), 'x'))).kind).toBe('blocked');
  });
});

describe('robots.txt', () => {
  const text = `# comment
User-agent: *
Disallow: /private/
Allow: /private/press/

User-agent: Roundup
User-agent: OtherBot
Disallow: /drafts
Disallow: /*.pdf$
`;
  it('uses the group naming our product token, else *, longest rule winning', () => {
    const ours = parseRobots(text, 'Roundup');
    expect(robotsAllows(ours, '/drafts/x.html')).toBe(false);
    expect(robotsAllows(ours, '/report.pdf')).toBe(false);
    expect(robotsAllows(ours, '/report.pdf?x=1')).toBe(true);
    expect(robotsAllows(ours, '/private/a.html')).toBe(true);
    const any = parseRobots(text, 'SomeoneElse');
    expect(robotsAllows(any, '/private/a.html')).toBe(false);
    expect(robotsAllows(any, '/private/press/a.html')).toBe(true);
    expect(robotsAllows(any, '/news/a.html')).toBe(true);
  });
});

describe('the schedule', () => {
  it('waits the longest of --every, the feed interval and max-age', () => {
    expect(intervalAfterSuccess(300, null, null)).toBe(300);
    expect(intervalAfterSuccess(300, 3600, 'public, max-age=60')).toBe(3600);
    expect(intervalAfterSuccess(300, null, 'max-age=900')).toBe(900);
    expect(maxAgeSeconds('no-cache')).toBe(0);
  });

  it('backs off exponentially, honours Retry-After, and retries a failing feed slowly', () => {
    expect([1, 2, 3, 4].map((n) => intervalAfterFailure(300, n, null))).toEqual([300, 600, 1200, 2400]);
    expect(intervalAfterFailure(300, 1, 7200)).toBe(7200);
    expect(intervalAfterFailure(300, FAILING_AFTER, null)).toBe(FAILING_RETRY_S);
    const now = new Date('2026-03-02T12:00:00Z');
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds('Mon, 02 Mar 2026 13:00:00 GMT', now)).toBe(3600);
    expect(retryAfterSeconds('whenever', now)).toBeNull();
  });
});

describe('HostGate', () => {
  it('lets at most two requests run per host, and hosts do not wait for each other', async () => {
    const gate = new HostGate(2, 0);
    const running = new Map<string, number>();
    const most = new Map<string, number>();
    const release: (() => void)[] = [];
    const task = (host: string) =>
      gate.run(host, async () => {
        running.set(host, (running.get(host) ?? 0) + 1);
        most.set(host, Math.max(most.get(host) ?? 0, running.get(host)!));
        await new Promise<void>((r) => release.push(r));
        running.set(host, running.get(host)! - 1);
      });
    const all = [...Array.from({ length: 5 }, () => task('a:80')), task('b:80')];
    // Let the gate start what it may, then answer everything in turn.
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setImmediate(r));
      release.splice(0).forEach((r) => r());
    }
    await Promise.all(all);
    expect(Object.fromEntries(most)).toEqual({ 'a:80': 2, 'b:80': 1 });
  });
});
