/**
 * Document language: the primary subtag of a declared tag (`de-CH` → `de`), or detection with
 * franc-min on the body text, mapped from ISO 639-3 to ISO 639-1 for the common languages.
 */
import { franc } from 'franc-min';

/** ISO 639-3 (as franc returns it) to ISO 639-1 for the languages franc-min knows that have one. */
const ISO3_TO_1: Record<string, string> = {
  eng: 'en', deu: 'de', fra: 'fr', spa: 'es', por: 'pt', ita: 'it', nld: 'nl', pol: 'pl', rus: 'ru', ukr: 'uk',
  ces: 'cs', slk: 'sk', slv: 'sl', hrv: 'hr', srp: 'sr', bos: 'bs', bul: 'bg', ron: 'ro', hun: 'hu', fin: 'fi',
  swe: 'sv', dan: 'da', nob: 'nb', nno: 'nn', isl: 'is', ell: 'el', tur: 'tr', ara: 'ar', arb: 'ar', heb: 'he',
  pes: 'fa', fas: 'fa', urd: 'ur', hin: 'hi', ben: 'bn', pan: 'pa', mar: 'mr', tam: 'ta', tel: 'te', guj: 'gu',
  kan: 'kn', mal: 'ml', cmn: 'zh', zho: 'zh', jpn: 'ja', kor: 'ko', vie: 'vi', tha: 'th', ind: 'id', zlm: 'ms',
  msa: 'ms', tgl: 'tl', swh: 'sw', hau: 'ha', yor: 'yo', ibo: 'ig', amh: 'am', som: 'so', cat: 'ca', glg: 'gl',
  eus: 'eu', lit: 'lt', lav: 'lv', lvs: 'lv', est: 'et', ekk: 'et', bel: 'be', kaz: 'kk', uzb: 'uz', uzn: 'uz',
  azj: 'az', aze: 'az', kat: 'ka', hye: 'hy', sqi: 'sq', als: 'sq', mkd: 'mk', afr: 'af', zul: 'zu', xho: 'xh',
  nep: 'ne', npi: 'ne', sin: 'si', mya: 'my', khm: 'km', ckb: 'ku', kmr: 'ku', pbu: 'ps', tir: 'ti',
};

/** Below this many characters franc's guesses are unreliable (its own documentation suggests ~100). */
const MIN_DETECT_CHARS = 100;
/** Text beyond this is not needed for a stable guess and only costs time. */
const MAX_DETECT_CHARS = 4000;

/** Primary subtag of a BCP 47 tag or a locale like `de_DE`, lowercased; null when it is not one. */
export function primarySubtag(tag: string | null | undefined): string | null {
  const t = (tag ?? '').trim().toLowerCase().split(/[-_\s,;]/)[0] ?? '';
  return /^[a-z]{2,3}$/.test(t) && t !== 'und' && t !== 'mul' && t !== 'zxx' ? t : null;
}

/** Detected ISO 639-1 code (or 639-3 where none exists), null for short or undecidable text. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, MAX_DETECT_CHARS);
  if (sample.replace(/\s+/g, '').length < MIN_DETECT_CHARS) return null;
  const code = franc(sample, { minLength: MIN_DETECT_CHARS });
  if (code === 'und') return null;
  return ISO3_TO_1[code] ?? code;
}
