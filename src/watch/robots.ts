/**
 * robots.txt (RFC 9309) for page fetches: the group for our user agent (by product token, else `*`), its Allow and
 * Disallow rules matched by longest path prefix (`*` and `$` supported), Allow winning a tie. A robots.txt that is
 * missing (4xx) allows everything; one that cannot be had (5xx, unreachable) disallows everything for that run,
 * as the RFC asks.
 */
export interface RobotsRules {
  allow: string[];
  disallow: string[];
}

export const ALLOW_ALL: RobotsRules = { allow: [], disallow: [] };
export const DISALLOW_ALL: RobotsRules = { allow: [], disallow: ['/'] };

/** The rules of `text` for `agent` (its product token, e.g. "Roundup"). */
export function parseRobots(text: string, agent: string): RobotsRules {
  const token = agent.toLowerCase();
  const groups: { agents: string[]; rules: RobotsRules }[] = [];
  let current: { agents: string[]; rules: RobotsRules } | null = null;
  let lastWasAgent = false;
  for (const raw of text.split(/\r?\n|\r/)) {
    const line = raw.replace(/#.*/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) groups.push((current = { agents: [], rules: { allow: [], disallow: [] } }));
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (key === 'allow' && value) current.rules.allow.push(value);
    else if (key === 'disallow' && value) current.rules.disallow.push(value);
  }
  const mine = groups.filter((g) => g.agents.some((a) => a !== '*' && token.startsWith(a)));
  const chosen = mine.length ? mine : groups.filter((g) => g.agents.includes('*'));
  return { allow: chosen.flatMap((g) => g.rules.allow), disallow: chosen.flatMap((g) => g.rules.disallow) };
}

function matchLength(pattern: string, path: string): number {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const re = new RegExp('^' + body.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + (anchored ? '$' : ''));
  return re.test(path) ? body.length : -1;
}

/** Whether `pathAndQuery` may be fetched under `rules`. */
export function robotsAllows(rules: RobotsRules, pathAndQuery: string): boolean {
  let allow = -1;
  let disallow = -1;
  for (const p of rules.allow) allow = Math.max(allow, matchLength(p, pathAndQuery));
  for (const p of rules.disallow) disallow = Math.max(disallow, matchLength(p, pathAndQuery));
  return disallow < 0 || allow >= disallow;
}
