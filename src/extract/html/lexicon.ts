/**
 * Text-only boilerplate that survives the structural cleaning (no class name gave it away): short
 * lines of generic web-UI wording in the languages the project meets most. Two kinds:
 *
 * - end markers ("Mehr zum Thema", "À lire aussi", "Related stories", "Kommentare"): section headings
 *   that open what follows the article. The marker goes; when it sits in the last part of the body,
 *   everything after it goes too.
 * - UI lines ("Anzeige", "Advertisement", "Crédits photos : …", "© … All rights reserved", "zurück",
 *   newsletter/log-in prompts, "Tags: …"): dropped wherever they stand, being short.
 *
 * Only short paragraphs are tested, so a sentence of the article that happens to contain the words
 * is never taken. Calibrated on trafilatura-eval (paragraph-level replay of the extractor's output:
 * F 0.907 → 0.917, no `with` segment lost by the UI lines, one by the truncation).
 */
import type { Removed } from '../types.js';

const L = '\\p{L}';
const re = (alternatives: string[]): RegExp => new RegExp(`^(?:${alternatives.join('|')})\\s*[:.!?…]*$`, 'iu');

/** Headings that open a related-content, further-reading or comment section. */
const END_MARKER = re([
  // German
  `(?:mehr|weitere?s?|ähnliche)\\s+(?:zum\\s+thema|zu\\s+${L}+(?:\\s+${L}+){0,3}|beiträge|artikel|themen|infos?|informationen|news|nachrichten|tourentipps|aus\\s.*)`,
  '(?:auch|das)\\s+interessant',
  'das\\s+(?:könnte|dürfte)\\s+(?:sie|dich|euch)\\s+(?:auch\\s+)?interessieren',
  '(?:lesen\\s+sie|lies)\\s+(?:auch|hier|mehr)', 'auch\\s+lesen', 'schon\\s+gelesen', 'zum\\s+weiterlesen',
  'weiterführende?\\s+links?', 'empfohlene\\s+(?:beiträge|artikel)', 'verwandte\\s+(?:artikel|beiträge|themen)',
  'themen\\s+im\\s+artikel', 'mehr\\s+themen',
  // latest-articles lists and author boxes after the body (trafilatura-eval odd pages 877, 649)
  'neueste\\s+(?:artikel|beiträge|nachrichten)', 'über\\s+(?:den\\s+autor|die\\s+autorin)',
  'kommentare?(?:\\s+\\(\\d+\\))?', '\\d+\\s+kommentare?', 'kommentar(?:e)?\\s+(?:schreiben|geschlossen|insgesamt)', 'leserkommentare',
  // English
  'related(?:\\s+(?:articles?|stories|posts|content|coverage|topics))?', 'read\\s+(?:more|next|also)',
  'more\\s+(?:from|on|stories|news|in)\\b.*', 'you\\s+(?:may|might)\\s+also\\s+(?:like|enjoy)', 'recommended(?:\\s+for\\s+you)?',
  'popular\\s+(?:posts|stories)', 'most\\s+(?:read|popular)', '(?:\\d+\\s+)?comments?', 'leave\\s+a\\s+(?:comment|reply)',
  'also\\s+read', 'see\\s+also', 'further\\s+reading', 'trending',
  'latest\\s+(?:articles|stories|posts)', 'about\\s+the\\s+author',
  // French, Spanish, Italian, Polish, Dutch, Swedish
  '(?:à|a)\\s+lire\\s+(?:aussi|également)', 'lire\\s+aussi', 'sur\\s+le\\s+même\\s+sujet', '(?:les\\s+)?commentaires',
  'dans\\s+la\\s+même\\s+rubrique',
  'lea\\s+también', '(?:le|te)\\s+puede\\s+interesar', 'noticias\\s+relacionadas', 'comentarios', '(?:mire|vea)\\s+también',
  'leggi\\s+anche', 'potrebbe\\s+interessarti', 'articoli\\s+correlati', 'commenti',
  'czytaj\\s+(?:też|także|więcej)', 'zobacz\\s+(?:też|także)', 'komentarze',
  'lees\\s+ook', 'gerelateerde\\s+artikelen', 'reacties', 'läs\\s+också', 'relaterat',
]);

/** Lines that are page furniture wherever they stand. */
const UI_LINE = re([
  // Ad labels
  'anzeige', 'werbung', 'advertisement', 'advertising', 'sponsored', 'publicité', 'publicidad', 'pubblicità', 'reklama',
  'annonse', 'advertentie', '[-–]\\s*anzeige\\s*[-–]',
  // Picture credits and sources as lines of their own
  '(?:crédits?\\s+photos?|photo\\s+credits?|bildnachweis|fotos?|bild|titelbild|beitragsbild|credit|photograph\\s+by|quelle|quellen?angaben|źródło|fuente|source)\\s*:.{0,80}',
  '(?:titelbild|beitragsbild|credit|photograph\\s+by|quellenangaben|źródło|kontakt)',
  // Copyright and legal lines
  '©.{0,120}', '(?:copyright|\\(c\\)).{0,120}', '.{0,80}all\\s+rights\\s+reserved', '.{0,60}alle\\s+rechte\\s+vorbehalten',
  // Navigation and tool words
  'zurück', 'zurück\\s+zur.{0,30}', 'back(?:\\s+to\\s+top)?', 'nach\\s+oben', 'drucken', 'print', 'teilen', 'share(?:\\s+this)?',
  'drukuj', 'imprimer', 'partager', 'loading\\.{0,3}', 'lade\\s+weitere.{0,20}', 'wird\\s+geladen\\.{0,3}', 'weiter(?:lesen)?',
  'mehr\\s+lesen', 'read\\s+more', 'lire\\s+la\\s+suite', 'leer\\s+más', 'czytaj\\s+więcej.{0,40}', 'print\\s+recipe', 'rezept\\s+drucken',
  '(?:vorheriger|nächster|voriger)\\s+(?:artikel|beitrag)', '(?:previous|next)\\s+(?:article|post|story)', 'article\\s+(?:précédent|suivant)',
  // Gallery slide counters ("1 / 3", "2 of 12", "3 von 8") as lines of their own (test/pages/034)
  '\\d{1,3}\\s*(?:/|of|von|sur|de|z)\\s*\\d{1,3}',
  'produktempfehlung', '(?:unterstütze|unterstützen\\s+sie|support)\\s+(?:uns|us|\\p{L}+)',
  '.{0,40}(?:noch\\s+keine\\s+bewertungen|bewerten|bewertung).{0,30}',
  // Newsletter, subscription and log-in prompts
  '.{0,80}(?:newsletter|abonnieren|subscribe|sign\\s+up|inscrivez|suscríbete|subskrypcj).{0,100}',
  '.{0,60}(?:eingeloggt|log\\s+in|login|anmelden|registrier).{0,60}',
  // Feedback and share prompts
  '(?:war\\s+(?:der|dieser)\\s+artikel\\s+(?:hilfreich|nützlich)|(?:hat|gefällt)\\s+(?:dir|ihnen)\\s+(?:der|dieser|unser).{0,40}|was\\s+this\\s+(?:article|page)\\s+helpful).{0,60}',
  '.{0,60}(?:artikel|beitrag|article|post)\\s+(?:teilen|share).{0,40}',
  // Blog footers, post dates and tag lists
  'this\\s+entry\\s+was\\s+posted.{0,150}', 'der\\s+beitrag\\s+wurde\\s+am.{0,300}',
  '(?:erstellt|veröffentlicht|publiziert|aktualisiert)\\s+am.{0,60}', 'publikacja:?.{0,40}', 'opublikowano.{0,40}',
  'tags?\\s*:.{0,150}', 'schlagwörter\\s*:.{0,150}', 'kategorien?\\s*:.{0,150}', 'themen\\s*:.{0,100}', 'topics?\\s*:.{0,150}',
]);

/** An end marker is a heading: longer lines are sentences that merely start alike. */
const MAX_MARKER_CHARS = 80;
/** UI lines are short; a longer paragraph holding the words is article text. */
const MAX_UI_CHARS = 200;
/** Markers in the first 30% of the body are inline "read also" links, not the end of the article. */
const MIN_MARKER_POSITION = 0.3;
/** When no more than this share of the body follows a marker, the rest is the related/comment section. */
const MAX_TAIL_SHARE = 0.3;
/** The line right after a mid-body marker is the linked headline when it is this short. */
const MAX_LINKED_TITLE_CHARS = 120;

/** Repeated-text limits: shorter pieces repeat by chance ("Foto: dpa"); longer ones are not pull quotes. */
const MIN_REPEAT_CHARS = 40;
const MAX_REPEAT_CHARS = 300;

export const isEndMarker = (p: string): boolean => p.length <= MAX_MARKER_CHARS && END_MARKER.test(p);
/** A contact prompt: an e-mail address or phone number with a verb asking to write or call. */
const CONTACT_VERB = /\b(?:contact|write|e-?mail|call|kontakt\p{L}*|schreib\p{L}*|ruf\p{L}*|escr[ií]b\p{L}*|contact\p{L}*|écri\p{L}*|llam\p{L}*|napisz|zadzwo\p{L}*)\b/iu;
const CONTACT_POINT = /\S+@\S+\.\p{L}{2,}|\d{3}[\s/-]?\d{3}[\s-]?\d{3,4}/u;
const isContactPrompt = (p: string): boolean => CONTACT_POINT.test(p) && CONTACT_VERB.test(p);

export const isUiLine = (p: string): boolean => p.length <= MAX_UI_CHARS && (UI_LINE.test(p) || isContactPrompt(p));

/** Drops UI lines and end-marker sections from body paragraphs; returns the kept ones and what went. */
export function dropLexicalBoilerplate(paragraphs: string[]): { paragraphs: string[]; removed: Removed[] } {
  const total = Math.max(1, paragraphs.reduce((n, p) => n + p.length, 0));
  const kept: string[] = [];
  const removed: Removed[] = [];
  let before = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i] ?? '';
    const position = before / total;
    before += p.length;
    if (isEndMarker(p) && position >= MIN_MARKER_POSITION) {
      if (total - before <= MAX_TAIL_SHARE * total) {
        const rest = paragraphs.slice(i);
        removed.push({ text: rest.join(' '), reason: 'related:end-marker' });
        break;
      }
      removed.push({ text: p, reason: 'related:marker' });
      const next = paragraphs[i + 1];
      if (next !== undefined && next.length <= MAX_LINKED_TITLE_CHARS) {
        removed.push({ text: next, reason: 'related:marker' });
        before += next.length;
        i++;
      }
      continue;
    }
    if (isUiLine(p)) {
      removed.push({ text: p, reason: 'ui-line' });
      continue;
    }
    kept.push(p);
  }
  // A pull quote repeats a sentence of the body: a short paragraph found inside a longer one goes.
  const unique = kept.filter((p, i) => {
    if (p.length < MIN_REPEAT_CHARS || p.length > MAX_REPEAT_CHARS) return true;
    const repeated = kept.some((q, j) => j !== i && q.length > p.length && q.includes(p));
    if (repeated) removed.push({ text: p, reason: 'repeated' });
    return !repeated;
  });
  return { paragraphs: unique, removed };
}
