// After `changeset version` has set the new version in package.json: writes it, and today's date,
// into CITATION.cff, so that the citation names the release it describes. Run by
// `npm run version-packages`.
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const citationFile = new URL('CITATION.cff', root);
const citation = readFileSync(citationFile, 'utf8');
if (!/^version: .*$/m.test(citation)) throw new Error('CITATION.cff has no "version:" line');
const today = new Date().toISOString().slice(0, 10);
let updated = citation.replace(/^version: .*$/m, `version: ${version}`);
updated = /^date-released: .*$/m.test(updated)
  ? updated.replace(/^date-released: .*$/m, `date-released: "${today}"`)
  : updated.replace(/^(version: .*)$/m, `$1\ndate-released: "${today}"`);
writeFileSync(citationFile, updated);
console.log(`CITATION.cff: version ${version}, released ${today}`);
