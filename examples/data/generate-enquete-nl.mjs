// Writes examples/data/enquete-nl.csv: a made-up Dutch-language survey sample of the 6-item scale
// with a municipality (gemeente) and an age (leeftijd) column, for the examples and the report
// (`loneliness-scales summary examples/data/enquete-nl.csv --lang nl --by gemeente --format html`).
// The first twelve rows are written by hand (odd spellings, a missing answer, an unreadable
// answer); the rest are drawn from a fixed seed, so the file is the same on every run.
// Usage: node examples/data/generate-enquete-nl.mjs
import { writeFileSync } from 'node:fs';

const handWritten = `r001,Gent,34,ja,ja,ja,min of meer,ja,ja
r002,Gent,71,nee,ja,ja,ja,nee,nee
r003,Leuven,22,min of meer,nee,min of meer,nee,ja,min of meer
r004,Leuven,58,nee,ja,ja,ja,nee,
r005,Brugge,80,ja,nee,nee,nee,ja,ja
r006,Brugge,45,,,ja,ja,nee,nee
r007,Antwerpen,29,Nee,Ja,Ja,Min of meer,Nee,Nee
r008,Antwerpen,66,ja,ja,min of meer,ja,nee,nee
r009,Hasselt,19,nee,min of meer,ja,ja,nee,nee
r010,Hasselt,52,ja,ja,ja,ja,ja,misschien
r011,Mechelen,77,meer of minder,ja,nee,ja,ja,nee
r012,Mechelen,40,nee,ja,ja,ja,nee,nee`;

let state = 20240611;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let value = state;
  value = Math.imul(value ^ (value >>> 15), value | 1);
  value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
  return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
}

const municipalities = [
  ['Antwerpen', 110],
  ['Gent', 90],
  ['Leuven', 70],
  ['Brugge', 55],
  ['Hasselt', 45],
  ['Mechelen', 38],
  ['Kortrijk', 12],
];
// Emotional items (emptiness, missPeople, rejected): "ja" is lonely; social items (leanOn, trust, closeTo): "nee" is.
const emotional = [true, false, false, false, true, true];
const rows = [];
let number = 13;
for (const [gemeente, count] of municipalities) {
  for (let index = 0; index < count; index++) {
    const age = 18 + Math.floor(random() * 77);
    // Young adults and the oldest a little lonelier, as surveys find.
    const lean = 0.02 + 0.55 * random() ** 4 + (age < 25 ? 0.06 : 0) + (age >= 75 ? 0.08 : 0) + (gemeente === 'Antwerpen' ? 0.03 : 0);
    const answers = emotional.map((negative) => {
      if (random() < 0.03) return '';
      const draw = random();
      const lonely = draw < lean ? 'lonely' : draw < lean + 0.04 + lean / 2 ? 'neutral' : 'not';
      if (lonely === 'neutral') return 'min of meer';
      return (lonely === 'lonely') === negative ? 'ja' : 'nee';
    });
    const leeftijd = random() < 0.02 ? '' : String(age);
    rows.push(`r${String(number++).padStart(3, '0')},${gemeente},${leeftijd},${answers.join(',')}`);
  }
}
const file = new URL('./enquete-nl.csv', import.meta.url);
writeFileSync(file, `respondent,gemeente,leeftijd,emptiness,leanOn,trust,closeTo,missPeople,rejected\n${handWritten}\n${rows.join('\n')}\n`);
console.log(`${file.pathname}: ${12 + rows.length} rows`);
