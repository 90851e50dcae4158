/**
 * Derived sources: copies that are not first-hand reporting but are made from other outlets' coverage, so that they
 * add no independent confirmation and may carry the errors of their making (an AI-written composite that names the
 * wrong chancellor). A source is derived when it says so itself:
 * - `ai-disclosure`: it declares it was written, edited or generated with AI ("This article has been edited with the
 *   help of Artificial Intelligence", "Dieser Text wurde mit Hilfe von KI erstellt");
 * - `sources-list`: it lists two or more news outlets it was compiled from ("Sources used: A, B, C"; a single "Source:
 *   Reuters" is a wire credit, and "Source: CDC, ..." under a chart names data, not coverage);
 * - `cites-outlets`: it attributes its reporting to three or more other news outlets ("according to the Guardian",
 *   "the Times reported", "as reported by Bloomberg"), its own publisher and carrier not counted. Interview venues
 *   ("told the BBC") are not attributions: first-hand reports name them too.
 * The cues are generic phrasings of such notes (no outlet's text); each is looked for in the body's lines and in what
 * cleaning removed (extraction usually removes the note, and keeps it with its reason).
 */

export type DerivedKind = 'ai-disclosure' | 'sources-list' | 'cites-outlets';

export interface DerivedSignal {
  kind: DerivedKind;
  /** The line or phrase that shows it (verbatim). */
  text: string;
}

export interface DerivedInput {
  text: string;
  /** What cleaning removed (`roundup extract`'s `removed`). */
  removed?: readonly { text: string; reason?: string }[];
  publisher?: string | null;
  via?: string | null;
}

/** Lines longer than this are prose, not a note about the text. */
const NOTE_MAX_WORDS = 40;
/** Outlets a text must attribute its reporting to before it counts as a write-up of others' coverage. */
export const CITED_OUTLETS_MIN = 3;
/** Outlets a "Sources:" line must name to be a compilation (one is a wire credit). */
const SOURCES_LIST_MIN = 2;

const AI_WORDS =
  /\b(?:artificial intelligence|machine learning|(?:large )?language models?|generative AI|künstliche[rn]? intelligenz|intelligence artificielle|inteligencia artificial|intelligenza artificiale|kunstmatige intelligentie|sztuczn\w+ inteligencj\w+|ChatGPT|GPT-\d\w*)\b/iu;
/** The acronyms case-sensitively, so that "ai" or "ki" inside words and names do not count. */
const AI_ACRONYM = /\b(?:AI|A\.I\.|KI|IA)\b/u;
const AI_VERBS =
  /\b(?:edited|written|generated|created|produced|assisted|compiled|summari[sz]ed|translated|help|assistance|aid|support|bearbeitet|erstellt|verfasst|generiert|übersetzt|hilfe|unterstützung|rédigé|généré|édité|aide|traduit|editado|generado|redactado|ayuda|traducido|modificato|generato|redatto|aiuto|tradotto|bewerkt|gegenereerd|hulp|vertaald)\b/iu;
/** The note speaks of the text itself (not of AI in the news): "this article", a "Note:" label, "with the help of". */
const SELF_REFERENCE =
  /^(?:note|editor['’]?s note|disclosure|disclaimer|hinweis|anmerkung|remarque|nota|opmerking|uwaga)\s*:|\b(?:this|the following|the above) (?:article|story|text|report|piece|content|summary|post|page|news)\b|\bwith the (?:help|assistance|aid|support) of\b|\b(?:dieser|der) (?:text|artikel|beitrag)\b|\b(?:cet|cette|ce) (?:article|texte|contenu)\b|\b(?:este|esta) (?:artículo|texto|nota)\b|\b(?:questo|questa) (?:articolo|testo)\b|\b(?:dit|deze) (?:artikel|tekst|bericht)\b|\bmit (?:hilfe|unterstützung) (?:von|einer)\b|\bavec l['’]aide\b|\bcon (?:la )?ayuda\b|\bcon l['’]aiuto\b|\bmet (?:behulp|hulp) van\b/iu;
/** The plural label: a single "Source:" line credits a wire or a chart's data. */
const SOURCES_LINE = /^(?:sources(?: used)?|source list|quellen|verwendete quellen|sources utilisées|fuentes(?: utilizadas)?|fonti(?: utilizzate)?|bronnen|źródła)\s*:\s*(.+)$/iu;

/** Words that make a capitalised name a news outlet ("The Guardian", "Financial Times", "Der Spiegel"). */
const OUTLET_HEAD =
  /^(?:Times|Post|Guardian|Telegraph|Journal|Herald|News|Press|Tribune|Gazette|Mirror|Express|Mail|Observer|Independent|Standard|Chronicle|Economist|Reuters|Bloomberg|Politico|Axios|Agency|Wire|Radio|Television|TV|Broadcasting|Monde|Figaro|Spiegel|Zeitung|Pais|País|Repubblica|Corriere|Sun|Star|Record|Courier|Echo|Bulletin|Dispatch|Inquirer|Examiner|Register|Sentinel|Review|Magazine|Insider|Online|Media|Network|Channel)$/u;
/** News agencies and broadcasters known by their acronym. */
const OUTLET_ACRONYM = /^(?:BBC|CNN|AFP|AP|PA|NPR|ABC|CBS|NBC|ITV|DPA|ANSA|EFE|RTE|RTÉ|CBC|ZDF|ARD|RTL|RAI|NHK|TASS|UPI|ANP|CNBC|MSNBC|WSJ|FT)$/u;

const NAME = "(?:the |The )?((?:\\p{Lu}[\\p{L}&.'’-]*)(?:\\s+(?:of |on )?\\p{Lu}[\\p{L}&.'’-]*){0,4})";
const ATTRIBUTIONS: RegExp[] = [
  new RegExp(`\\b[Aa]ccording to ${NAME}`, 'gu'),
  new RegExp(`\\b[Aa]s (?:first |previously |earlier )?reported (?:in|by) ${NAME}`, 'gu'),
  new RegExp(`\\b(?:[Rr]eports|[Rr]eported by|[Rr]eporting by|[Ff]irst reported by|was reported by|[Cc]iting) ${NAME}`, 'gu'),
  new RegExp(`${NAME}\\s+(?:reports|reported|has reported|had reported|revealed|has revealed)\\b`, 'gu'),
];

const norm = (s: string): string => s.toLowerCase().replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** The outlet a captured name stands for, or null when it is not one (a person, an office, a data set). */
function outletName(name: string): string | null {
  const parts = name.replace(/['’]s$/u, '').split(/\s+/);
  // The name as far as an outlet's head word ("The Guardian" in "The Guardian reports"; "Financial Times").
  for (let i = parts.length; i > 0; i--) {
    const last = parts[i - 1]!.replace(/[.'’]+$/u, '');
    if (OUTLET_HEAD.test(last) || (i === 1 && OUTLET_ACRONYM.test(last))) return parts.slice(0, i).join(' ');
  }
  return null;
}

function isAiDisclosure(line: string): boolean {
  return words(line) <= NOTE_MAX_WORDS && (AI_WORDS.test(line) || AI_ACRONYM.test(line)) && AI_VERBS.test(line) && SELF_REFERENCE.test(line);
}

function isSourcesList(line: string): boolean {
  const m = SOURCES_LINE.exec(line);
  if (!m || words(line) > NOTE_MAX_WORDS) return false;
  // Items that are news outlets ("Sources: CDC, state health department" under a chart is data, not coverage).
  const items = m[1]!.split(/\s*(?:[,;|/]|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b)\s*/u).map((x) => x.replace(/^["“‘'«\s]+|["”’'»\s.]+$/gu, ''));
  return items.filter((x) => outletName(x) !== null).length >= SOURCES_LIST_MIN;
}

/** Why the article is a derived source (empty: it reads as first-hand). */
export function derivedSignals(a: DerivedInput): DerivedSignal[] {
  const lines = [...a.text.split(/\n+/), ...(a.removed ?? []).map((r) => r.text)].map((l) => l.trim()).filter(Boolean);
  const out: DerivedSignal[] = [];
  const ai = lines.find(isAiDisclosure);
  if (ai) out.push({ kind: 'ai-disclosure', text: ai });
  const list = lines.find(isSourcesList);
  if (list) out.push({ kind: 'sources-list', text: list });
  const own = new Set([a.publisher, a.via].filter((x): x is string => !!x).map(norm));
  const cited = new Map<string, string>();
  for (const re of ATTRIBUTIONS) {
    for (const m of a.text.matchAll(re)) {
      const outlet = outletName(m[1]!);
      if (!outlet) continue;
      const k = norm(outlet);
      if (!k || [...own].some((o) => o.includes(k) || k.includes(o))) continue;
      if (!cited.has(k)) cited.set(k, m[0].trim());
    }
  }
  if (cited.size >= CITED_OUTLETS_MIN) out.push({ kind: 'cites-outlets', text: [...cited.values()].join('; ') });
  return out;
}

const WHY: Record<DerivedKind, string> = {
  'ai-disclosure': 'declares it was written or edited with AI',
  'sources-list': 'lists the sources it was compiled from',
  'cites-outlets': 'attributes its reporting to other outlets',
};

/** One line for readers: "derived source (declares it was written or edited with AI; ...), not counted as independent". */
export function derivedReason(signals: readonly DerivedSignal[]): string {
  return `derived source (${signals.map((s) => WHY[s.kind]).join('; ')}): not counted as an independent source, and nothing only it says is used`;
}
