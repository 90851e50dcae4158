/**
 * Byline cleaning: from whatever an author field or byline line holds, keep the people's names only.
 * Prefixes ("By", "Von", "Par", ...), dates, times, e-mail addresses, URLs, job titles and filler
 * ("and more", "Staff") go; the separators between names are kept as the page wrote them.
 */
import { collapse } from './dom.js';

/** Byline openers in the languages the project meets most; matched case-insensitively at the start. */
const PREFIX =
  /^(?:(?:written|posted|reported|text|story|words|photos?)\s+by|by|von|texte?\s+(?:de|von)|par|por|di|da|door|af|av|przez|autor(?:in)?|author|auteur|autore|text|texte|redaktion|rédaction)\s*[:\-–—]?\s+/iu;

/** Words that mark a job title or an unsigned desk rather than a person (any case, several languages). */
const ROLE_WORDS = new Set(
  [
    'staff', 'reporter', 'reporters', 'correspondent', 'editor', 'editors', 'writer', 'writers', 'journalist', 'columnist',
    'contributor', 'contributors', 'producer', 'analyst', 'chief', 'senior', 'deputy', 'political', 'business', 'science',
    'sports', 'health', 'technology', 'economics', 'desk', 'team', 'newsroom', 'more', 'others', 'agencies', 'agency',
    'redakteur', 'redakteurin', 'korrespondent', 'korrespondentin', 'redaktion', 'autor', 'autorin', 'mitarbeiter',
    'journaliste', 'rédacteur', 'rédactrice', 'envoyé', 'envoyée', 'spécial', 'spéciale', 'rédaction', 'correspondant',
    'correspondante', 'periodista', 'corresponsal', 'redactor', 'redactora', 'redacción', 'giornalista', 'inviato',
    'inviata', 'redazione', 'redaktor', 'dziennikarz', 'dziennikarka', 'redactie', 'verslaggever',
    // Date-line words that end up beside names.
    'updated', 'published', 'posted', 'last', 'modified', 'aktualisiert', 'veröffentlicht', 'geändert', 'stand', 'publié',
    'actualisé', 'modifié', 'actualizado', 'publicado', 'aggiornato', 'pubblicato', 'zaktualizowano', 'opublikowano',
  ].map((w) => w.toLowerCase()),
);

/** Lowercase particles that may sit inside a name ("Ursula von der Leyen", "Luiz Inácio Lula da Silva"). */
const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'du', 'la', 'le', 'ter', 'ten', 'bin', 'ibn', 'al', 'el', 'y', 'zu', 'af', 'mac']);

/** Words that join two names; kept as the page wrote them. */
const CONJUNCTION = /\s+(and|und|et|y|e|en|och|og|i|a|ve|и)\s+/u;

const NAME_WORD = /^[\p{Lu}][\p{L}\p{M}'’.-]*$/u;
const UNCASED_SCRIPT = /^[^\p{Lu}\p{Ll}\d]+$/u;

function isPersonName(segment: string): boolean {
  const s = segment.trim();
  if (s.length < 2 || s.length > 60) return false;
  if (/[\d@/\\:|!?;]|https?|www\./i.test(s)) return false;
  const words = s.split(/\s+/);
  if (words.some((w) => ROLE_WORDS.has(w.toLowerCase().replace(/[.,]$/, '')))) return false;
  // Names in scripts without letter case (Chinese, Japanese, Arabic, Hebrew...): short and plain.
  if (UNCASED_SCRIPT.test(s.replace(/[\s'’.-]/g, ''))) return s.length <= 30 && words.length <= 4;
  if (words.length > 5) return false;
  const named = words.filter((w) => NAME_WORD.test(w));
  const particles = words.filter((w) => PARTICLES.has(w.toLowerCase()) && !NAME_WORD.test(w));
  if (words.length === 1) {
    // One word: a name like "Nicolas" passes; initials and acronyms ("CC", "AP", "DPA") do not.
    const w = words[0] ?? '';
    return named.length === 1 && w.length >= 3 && w !== w.toUpperCase();
  }
  return named.length >= 2 && named.length + particles.length === words.length;
}

function stripNoise(text: string): string {
  return collapse(
    text
      .replace(/\S+@\S+\.\S+/g, ' ')
      .replace(/https?:\/\/\S+|www\.\S+/gi, ' ')
      .replace(/\(\s*\)/g, ' ')
      .replace(/^[\s\-–—:|•·,]+|[\s\-–—:|•·,]+$/g, ''),
  );
}

/**
 * People's names from a byline, separators kept; null when nothing person-like remains.
 * `extraNonPeople` are names known not to be people (the publisher), dropped when they appear.
 */
export function cleanByline(raw: string | null | undefined, extraNonPeople: string[] = []): string | null {
  let text = stripNoise(raw ?? '');
  if (!text) return null;
  // Dates and times end a byline: cut at the first run that holds digits after a name.
  text = text.replace(/[,|•·\-–—]?\s*(?:\p{L}+\.?\s+)?\d.*$/u, '');
  text = stripNoise(text);
  const nonPeople = new Set(extraNonPeople.map((n) => collapse(n).toLowerCase()).filter(Boolean));

  // Split on list separators, remembering each one so that the kept names are joined as written.
  const pieces: { sep: string; text: string }[] = [];
  let sep = '';
  for (const chunk of text.split(/(\s*[,;|•·/&]\s*|\s+[-–—]\s+)/u)) {
    if (/^\s*[,;|•·/&]\s*$|^\s+[-–—]\s+$/u.test(chunk)) {
      sep = chunk.trim() === '&' ? ' & ' : chunk.trim() === ',' ? ', ' : chunk.trim() === ';' ? '; ' : ', ';
      continue;
    }
    let rest = chunk;
    let m: RegExpExecArray | null;
    while ((m = CONJUNCTION.exec(rest)) !== null) {
      pieces.push({ sep, text: rest.slice(0, m.index) });
      sep = ` ${m[1]} `;
      rest = rest.slice(m.index + m[0].length);
    }
    pieces.push({ sep, text: rest });
    sep = ', ';
  }

  const kept: { sep: string; text: string }[] = [];
  for (const piece of pieces) {
    let name = collapse(piece.text);
    for (let i = 0; i < 2; i++) name = collapse(name.replace(PREFIX, ''));
    name = name.replace(/^[\s\-–—:]+|[\s\-–—:.]+$/g, '');
    if (!name || nonPeople.has(name.toLowerCase())) continue;
    if (!isPersonName(name)) continue;
    if (kept.some((k) => k.text === name)) continue;
    kept.push({ sep: piece.sep, text: name });
  }
  if (kept.length === 0) return null;
  return kept.map((k, i) => (i === 0 ? k.text : `${k.sep || ', '}${k.text}`)).join('');
}

/** Joins several separately listed authors (JSON-LD arrays) after cleaning each. */
export function joinAuthors(names: string[], nonPeople: string[] = []): string | null {
  const cleaned: string[] = [];
  for (const n of names) {
    const c = cleanByline(n, nonPeople);
    if (c && !cleaned.includes(c)) cleaned.push(c);
  }
  return cleaned.length > 0 ? cleaned.join(', ') : null;
}
