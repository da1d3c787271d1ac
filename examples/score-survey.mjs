// Scores a Dutch survey sample (examples/data/enquete-nl.csv) on the 6-item scale and prints a
// table of its first rows with the Dutch category labels. Rows that cannot be scored keep their reason.
// Run: npm start
import { readFileSync } from 'node:fs';
import { djg6, safeScore } from 'loneliness-scales';

const file = new URL('./data/enquete-nl.csv', import.meta.url);
const [header, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
const columns = header.split(',');
const itemKeys = new Set(djg6.items.map((item) => item.key));

const rows = lines.map((line) => {
  const cells = line.split(',');
  const record = Object.fromEntries(columns.map((column, index) => [column, cells[index] ?? '']));
  const answers = Object.fromEntries(Object.entries(record).filter(([column]) => itemKeys.has(column)));
  const outcome = safeScore(djg6, answers);
  if (!outcome.success) {
    return { respondent: record.respondent, gemeente: record.gemeente, totaal: '', emotioneel: '', sociaal: '', categorie: '', opmerking: outcome.error.message };
  }
  const { total, emotional, social, category, missingItems } = outcome.data;
  return {
    respondent: record.respondent,
    gemeente: record.gemeente,
    totaal: total ?? '',
    emotioneel: emotional ?? '',
    sociaal: social ?? '',
    categorie: category?.label.nl ?? '',
    opmerking: missingItems.length > 0 ? `ontbrekend: ${missingItems.join(', ')}` : '',
  };
});

console.log(`${djg6.name.nl} — ${rows.length} respondenten (de eerste 12 hieronder)\n`);
console.table(rows.slice(0, 12));
for (const band of djg6.categories.total.conventions[0].bands) {
  const count = rows.filter((row) => row.categorie === band.label.nl).length;
  console.log(`${band.label.nl.padEnd(16)} ${String(count).padStart(3)}  (totaal ${band.min}–${band.max})`);
}
console.log(`${'niet te scoren'.padEnd(16)} ${String(rows.filter((row) => row.categorie === '').length).padStart(3)}`);
console.log(`\nBron: ${djg6.citation}`);
console.log('Onderzoeksinstrument voor groepen, geen diagnose voor individuen.');
console.log('\nRapport per gemeente (HTML, om te lezen en af te drukken):');
console.log('  npx loneliness-scales summary examples/data/enquete-nl.csv --lang nl --by gemeente --format html --out rapport.html');
