/** Helpers for test/e2e/reader.test.ts: the system Chromium, text folding, and the audit sentences. */
import { splitSentences } from '../../src/text/index.js';

/** Debian's Chromium (the `chromium` package); `ROUNDUP_CHROMIUM` points elsewhere. Never a downloaded build. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.ROUNDUP_CHROMIUM || '/usr/bin/chromium';
}

/** Headless, no sandbox (root in CI), no GPU, and nothing that reaches the network on its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Whitespace collapsed, quotes and dashes as typed: what a reader sees, for comparing page text with the store. */
export function fold(s: string): string {
  return s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u00a0\s]+/g, ' ')
    .trim();
}

const NUMBER = /\d[\d,.]*\d|\d/g;
const isPlainCount = (n: string): boolean => (/^\d{1,3}(,\d{3})+$/.test(n) || /^\d+$/.test(n)) && !/^(19|20)\d\d$/.test(n);

/** The first plain count in a sentence (not a year, a time or a decimal), or null. */
function firstCount(sentence: string): RegExpExecArray | null {
  for (const m of sentence.matchAll(NUMBER)) if (isPlainCount(m[0])) return m as RegExpExecArray;
  return null;
}

/**
 * Two sentences of an article for the audit page: one copied as it stands, and another with its first count
 * changed (tripled), which the verifier must not call supported. Only plain statements (no quotation marks) of
 * 8 to 45 words are used. Null when the article has no two such sentences.
 */
export function pickAuditSentences(text: string): { copied: string; altered: string } | null {
  const plain = splitSentences(text)
    .map((s) => s.text)
    .filter((s) => !/["\u201c\u201d]/.test(s) && s.split(/\s+/).length >= 8 && s.split(/\s+/).length <= 45);
  const withCount = plain.filter((s) => firstCount(s) !== null);
  const altered = withCount[1] ?? null;
  const copied = plain.find((s) => s !== altered) ?? null;
  if (!altered || !copied) return null;
  const m = firstCount(altered)!;
  const n = Number(m[0].replace(/,/g, '')) * 3;
  const written = m[0].includes(',') ? n.toLocaleString('en-GB') : String(n);
  return { copied, altered: altered.slice(0, m.index) + written + altered.slice(m.index + m[0].length) };
}
