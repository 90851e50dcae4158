/**
 * Where a statement was made: "told the BBC", "posted on his Truth Social platform", "in comments to Fox News",
 * "on social media site X", "Responding on X". Searched in the writer's words of a sentence (quotes masked).
 */
import { MONTHS, WEEKDAYS } from './lexicon.js';

const NAME = String.raw`(?:the\s+)?(?:\p{Lu}[\p{L}\p{N}'’&.-]*)(?:\s+\p{Lu}[\p{L}\p{N}'’&.-]*){0,3}`;
const PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`\b(?:told|tells|telling|tell)\s+(${NAME})`, 'u'),
  new RegExp(String.raw`\bin\s+(?:comments|remarks|an\s+interview|a\s+statement|a\s+post|a\s+message|an\s+op-ed)\s+(?:to|with|on|for)\s+(${NAME})`, 'u'),
  new RegExp(String.raw`\b(?:speaking|talking)\s+(?:to|with|on)\s+(${NAME})`, 'u'),
  new RegExp(String.raw`\b(?:interview|appearance)\s+(?:with|on)\s+(${NAME})`, 'u'),
  // "on his Truth Social platform", "on social media site X", "on X", "on the BBC's Today programme"
  new RegExp(String.raw`\bon\s+(?:(?:his|her|their|its|the\s+(?=\p{L}+\s+(?:platform|account|site|app|page|network|channel|programme|program|show)))\s+)?(?:(?:social\s+media\s+|social\s+network(?:ing)?\s+|messaging\s+)?(?:site|platform|app|network|service)\s+)?(${NAME})(?=\s+(?:platform|account|site|app|page|network|feed|channel|programme|program|show|profile)\b|['’]s\s+\p{Lu}|[\s,.;:]|$)`, 'u'),
];
/** Verbs after which "on X" names a venue rather than a day or topic. */
const ON_VENUE_VERB = /\b(?:posted|posting|wrote|writing|said|saying|added|adding|responding|responded|commenting|commented|tweeted|tweeting|speaking|spoke|appearing|appeared|described|announced|claimed|declared|shared|warned|insisted)\b[^.]*$/;

function clean(v: string): string | null {
  let s = v.trim().replace(/[.,;:]+$/, '').replace(/['’]s$/, '');
  if (/^(?:the\s+)?(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady|Prof)\b/.test(s)) return null;
  const words = s.split(/\s+/);
  const low = words[words.length - 1]!.toLowerCase();
  if (WEEKDAYS.includes(low) || MONTHS.has(low) || /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?$/.test(low)) return null;
  s = s.replace(/[.,]$/, '');
  return s || null;
}

/**
 * Venue in a piece of writer's text (quote interiors replaced by spaces so they cannot match), or null.
 * `isPerson` vetoes venues that are people ("told Mr Trump").
 */
export function findVenue(masked: string, isPerson: (name: string) => boolean = () => false): string | null {
  for (let i = 0; i < PATTERNS.length; i++) {
    const re = PATTERNS[i]!;
    const m = re.exec(masked);
    if (!m) continue;
    if (i === PATTERNS.length - 1) {
      const before = masked.slice(0, m.index);
      const after = masked.slice(m.index + m[0].length, m.index + m[0].length + 12);
      const platformWord = /^\s+(?:platform|account|site|app|page|network|feed|channel|profile)\b/.test(after);
      if (!platformWord && !/(?:site|platform|app)\s+$/.test(m[0].slice(0, m[0].length - m[1]!.length)) && !ON_VENUE_VERB.test(before + ' ')) {
        continue;
      }
    }
    const v = clean(m[1]!);
    if (v && !isPerson(v)) return v;
  }
  return null;
}
