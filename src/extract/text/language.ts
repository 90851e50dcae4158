/**
 * Language of the kept body, detected with franc-min (ISO 639-3) and reported as a BCP 47 primary
 * subtag: the two-letter ISO 639-1 code where one exists, else the three-letter code.
 */

import { franc } from 'franc-min';

/** ISO 639-3 → ISO 639-1 for the languages franc-min knows that have a two-letter code. */
const TO_639_1: Record<string, string> = {
  eng: 'en', deu: 'de', fra: 'fr', spa: 'es', ita: 'it', por: 'pt', nld: 'nl', pol: 'pl', rus: 'ru',
  ukr: 'uk', swe: 'sv', ces: 'cs', hun: 'hu', ron: 'ro', tur: 'tr', ell: 'el', bul: 'bg', hrv: 'hr',
  srp: 'sr', bos: 'bs', bel: 'be', arb: 'ar', pes: 'fa', heb: 'he', hin: 'hi', ben: 'bn', urd: 'ur',
  cmn: 'zh', jpn: 'ja', kor: 'ko', vie: 'vi', ind: 'id', zlm: 'ms', tha: 'th', tam: 'ta', tel: 'te',
  mar: 'mr', guj: 'gu', kan: 'kn', mal: 'ml', pan: 'pa', amh: 'am', hau: 'ha', yor: 'yo', ibo: 'ig',
  swh: 'sw', som: 'so', zul: 'zu', kin: 'rw', nya: 'ny', run: 'rn', lin: 'ln', uzn: 'uz', kaz: 'kk',
  azj: 'az', sin: 'si', npi: 'ne', mya: 'my', tgl: 'tl', jav: 'jv', sun: 'su', plt: 'mg', ckb: 'ku',
  pbu: 'ps', fuv: 'ff', qug: 'qu', nob: 'nb', nno: 'nn', dan: 'da', fin: 'fi', slk: 'sk', slv: 'sl',
  lit: 'lt', lav: 'lv', est: 'et', cat: 'ca', glg: 'gl', eus: 'eu',
};

/** Characters of body text given to the detector: enough for a stable guess, cheap on long pages. */
const SAMPLE_CHARS = 3000;

export function detectLanguage(paragraphs: string[]): string | null {
  const sample = paragraphs.join('\n').slice(0, SAMPLE_CHARS);
  if (sample.trim().length < 20) return null;
  const code = franc(sample, { minLength: 20 });
  if (code === 'und') return null;
  return TO_639_1[code] ?? code;
}
