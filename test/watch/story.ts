/**
 * An invented event for the watch and editions tests (no real outlet, place or person): a flood in the invented
 * town of Kestrel Bay, followed over three days by three invented outlets. Each page is an HTML article; `at` is
 * the cycle (0-5) from which its feed lists it. The Gazette corrects its first report in cycle 3 (same URL, new
 * text: the hospital figure), and the Courier's count of flooded homes moves from 300 to 412 on day two.
 */
export interface Page {
  /** Path on the test server. */
  path: string;
  outlet: 'courier' | 'gazette' | 'wire';
  title: string;
  published: string;
  /** Feed-entry date (changes when the page is corrected). */
  updated: string;
  paragraphs: string[];
  /** First cycle the feed lists this version. */
  at: number;
}

export const OUTLETS = {
  courier: 'Kestrel Courier',
  gazette: 'Northshore Gazette',
  wire: 'Valley Wire',
} as const;

const courier1 = [
  'Floodwater from the River Amsel damaged 300 homes in Kestrel Bay on Monday, the town council said.',
  'The river burst its banks at the Millrace weir shortly after dawn, after three days of heavy rain across the Amsel valley.',
  'Council leader Ilse Marrant said emergency crews had moved families from the lowest streets of the harbour district by midday.',
  'Two schools in Kestrel Bay were closed and the coast road to Fennick was shut at the Amsel bridge.',
];
const gazette1 = [
  'Six people were taken to hospital in Kestrel Bay on Monday after the River Amsel flooded the harbour district, the ambulance service said.',
  'The River Amsel broke through at the Millrace weir in Kestrel Bay early on Monday after days of rain in the Amsel valley.',
  'Volunteers from the Kestrel Bay sailing club used dinghies to reach houses on Wharf Lane, where water stood a metre deep.',
];
const gazette1corrected = [
  'Four people were taken to hospital in Kestrel Bay on Monday after the River Amsel flooded the harbour district, the ambulance service said.',
  'The River Amsel broke through at the Millrace weir in Kestrel Bay early on Monday after days of rain in the Amsel valley.',
  'An earlier version of this report gave the wrong number of people taken to hospital, and wrongly said that sailing club volunteers had reached houses by dinghy.',
];
const courier2 = [
  'Floodwater from the River Amsel damaged 412 homes in Kestrel Bay on Monday, the town council said on Tuesday after surveyors checked every street.',
  'Council leader Ilse Marrant said the River Amsel had fallen back below the Millrace weir in Kestrel Bay overnight and the harbour district was drying out.',
  'The coast road to Fennick reopened on Tuesday afternoon once engineers had checked the Amsel bridge.',
];
const wire3 = [
  'Insurers opened a claims centre in the Kestrel Bay town hall on Wednesday for families whose homes the River Amsel flooded on Monday.',
  'Council leader Ilse Marrant said the harbour district of Kestrel Bay would need weeks of repairs after the Millrace weir gave way to the River Amsel.',
  'The regional water board said it would inspect the Millrace weir on the River Amsel before the winter rains.',
];
const bridge = [
  'A new footbridge over the Dorrow canal opened in the invented city of Lindqvist on Monday after two years of work.',
  'The city engineer said the footbridge would carry about 4,000 walkers and cyclists a day between the market and the station.',
];

export const PAGES: Page[] = [
  { path: '/courier/flood-day1.html', outlet: 'courier', title: 'River Amsel floods 300 homes in Kestrel Bay', published: '2026-03-02T09:00:00Z', updated: '2026-03-02T09:00:00Z', paragraphs: courier1, at: 0 },
  { path: '/gazette/flood.html', outlet: 'gazette', title: 'Six taken to hospital as River Amsel floods Kestrel Bay', published: '2026-03-02T10:00:00Z', updated: '2026-03-02T10:00:00Z', paragraphs: gazette1, at: 0 },
  { path: '/wire/footbridge.html', outlet: 'wire', title: 'Lindqvist opens Dorrow canal footbridge', published: '2026-03-02T08:00:00Z', updated: '2026-03-02T08:00:00Z', paragraphs: bridge, at: 0 },
  { path: '/courier/flood-day2.html', outlet: 'courier', title: 'Kestrel Bay flood damaged 412 homes, council says', published: '2026-03-03T09:00:00Z', updated: '2026-03-03T09:00:00Z', paragraphs: courier2, at: 2 },
  { path: '/gazette/flood.html', outlet: 'gazette', title: 'Four taken to hospital as River Amsel floods Kestrel Bay', published: '2026-03-02T10:00:00Z', updated: '2026-03-03T16:00:00Z', paragraphs: gazette1corrected, at: 3 },
  { path: '/wire/flood-claims.html', outlet: 'wire', title: 'Insurers open claims centre after Kestrel Bay flood', published: '2026-03-04T09:00:00Z', updated: '2026-03-04T09:00:00Z', paragraphs: wire3, at: 4 },
];

/** The scripted clock: when each of the six cycles runs. */
export const CYCLES = ['2026-03-02T12:00:00Z', '2026-03-02T18:00:00Z', '2026-03-03T12:00:00Z', '2026-03-03T18:00:00Z', '2026-03-04T12:00:00Z', '2026-03-04T18:00:00Z'];

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function pageHtml(p: Page): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(p.title)} | ${OUTLETS[p.outlet]}</title>
<meta property="og:site_name" content="${OUTLETS[p.outlet]}"><meta property="article:published_time" content="${p.published}"></head>
<body><header><nav><a href="/">Home</a></nav></header><main><article><h1>${esc(p.title)}</h1><p class="byline">By staff reporters</p>
${p.paragraphs.map((x) => `<p>${esc(x)}</p>`).join('\n')}
</article></main><footer><p>Copyright ${OUTLETS[p.outlet]}</p></footer></body></html>`;
}

/** The version of each page its feed lists at `cycle`. */
export function pagesAt(cycle: number): Page[] {
  const latest = new Map<string, Page>();
  for (const p of PAGES) if (p.at <= cycle) latest.set(p.path, p);
  return [...latest.values()];
}

/** An RSS 2.0 feed of `outlet` as it stands at `cycle` (with a ttl of 60 minutes). */
export function feedXml(outlet: Page['outlet'], cycle: number, base: string): string {
  const items = pagesAt(cycle)
    .filter((p) => p.outlet === outlet)
    .map((p) => `<item><title>${esc(p.title)}</title><link>${base}${p.path}</link><guid>${base}${p.path}</guid><pubDate>${new Date(p.updated).toUTCString()}</pubDate></item>`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${OUTLETS[outlet]}</title><link>${base}/${outlet}/</link><description>News</description><ttl>60</ttl>
${items}
</channel></rss>`;
}
