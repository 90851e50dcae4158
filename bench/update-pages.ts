/**
 * Rewrites the regression corpus's expected files (test/pages/NNN-name/expected.txt and
 * expected-metadata.json) from what extraction gives now; review the result with `git diff test/pages`.
 *
 *   npm run build && node dist/bench/update-pages.js [NNN ...]   (no arguments: every page)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractPage, pageNames, pagesDir } from '../test/helpers/pages.js';

const wanted = process.argv.slice(2);
for (const name of pageNames()) {
  if (wanted.length > 0 && !wanted.some((w) => name.startsWith(w))) continue;
  const got = extractPage(name);
  writeFileSync(join(pagesDir(), name, 'expected.txt'), `${got.text}\n`);
  writeFileSync(join(pagesDir(), name, 'expected-metadata.json'), `${JSON.stringify(got.metadata, null, 2)}\n`);
  console.log(`${name}: ${got.text.split('\n\n').length} paragraphs, ${got.metadata.captions.length} captions`);
}
