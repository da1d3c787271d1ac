import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ScoringError, djg6, djg11 } from '../../../src/index.js';
import {
  type BatchSummary,
  type TextFormat,
  createBatchScorer,
  createSummary,
  indicatorsOf,
  parseGroupBy,
  renderSummaryHtml,
  renderSummaryJson,
  renderSummaryMarkdown,
  renderSummaryText,
  type SummaryOptions,
} from '../../../src/batch/index.js';
import { wilsonInterval } from '../../../src/batch/internal.js';

const header = 'gemeente,leeftijd,gewicht,emptiness,leanOn,trust,closeTo,missPeople,rejected';
const lonely = 'ja,nee,nee,nee,ja,ja'; // total 6
const notLonely = 'nee,ja,ja,ja,nee,nee'; // total 0

function summarize(text: string, options: SummaryOptions, format: TextFormat = 'csv', scale = djg6): BatchSummary {
  const summary = createSummary(scale, undefined, options);
  const scorer = createBatchScorer(format, { scale, output: null, ...summary.batchOptions, onRow: summary.add }, () => {});
  scorer.push(new TextEncoder().encode(text));
  scorer.end();
  return summary.finish();
}

describe('--by groupings (parseGroupBy)', () => {
  it('reads columns and numeric bands, inclusive, with open-ended bands', () => {
    expect(parseGroupBy('gemeente,age:18-24,25-49,50-64,65-74,75+')).toEqual([
      { column: 'gemeente', bands: null },
      {
        column: 'age',
        bands: [
          { label: '18-24', min: 18, max: 24 },
          { label: '25-49', min: 25, max: 49 },
          { label: '50-64', min: 50, max: 64 },
          { label: '65-74', min: 65, max: 74 },
          { label: '75+', min: 75, max: null },
        ],
      },
    ]);
  });

  it.each([
    ['', 'name at least one column'],
    ['age:18-', 'cannot read band'],
    ['age:abc', 'cannot read band'],
    ['age:24-18', 'ends below its start'],
    ['age:18-30,25-49', 'overlap'],
    ['age:65+,70-80', 'overlap'],
    ['age:18-24,,25-49', 'empty column name'],
    ['gemeente,gemeente', 'named twice'],
    [':18-24', 'names no column'],
  ])('rejects %j (%s) with a ScoringError naming the option', (spec, message) => {
    expect(() => parseGroupBy(spec)).toThrow(ScoringError);
    expect(() => parseGroupBy(spec)).toThrow(message);
  });

  it('rejects grouping objects that are not groupings, and a minN that is not a count', () => {
    expect(() => createSummary(djg6, undefined, { by: [{ column: '' } as never] })).toThrow(/Option by\.0/);
    expect(() => createSummary(djg6, undefined, { by: [{ column: 'a', bands: [{ label: 'x', min: 5, max: 1 }] }] })).toThrow(/max ≥ min/);
    expect(() => createSummary(djg6, undefined, { minN: -1 })).toThrow(/minN/);
    expect(() => createSummary(djg6, undefined, { minN: 2.5 })).toThrow(/minN/);
  });
});

describe('grouped summaries', () => {
  it('each group holds exactly the figures of its own rows; bands, "other" and "missing" groups', () => {
    const rows = [
      `Gent,20,1,${lonely}`,
      `Gent,30,1,${notLonely}`,
      `Gent,80,1,${notLonely}`,
      ` Gent ,17,1,${lonely}`, // padded spelling: the same group; age below every band: "other"
      `Leuven,,1,${lonely}`, // blank age: "missing"
      `Leuven,onbekend,1,${notLonely}`, // not a number: "other"
      `,"70,5",1,${lonely}`, // blank gemeente: "missing"; decimal comma
    ];
    const summary = summarize(`${header}\n${rows.join('\n')}\n`, { by: 'gemeente,leeftijd:18-24,25-49,50-64,65-74,75+', minN: 1 });
    const labels = summary.groups.map((group) => `${Object.keys(group.by)[0]}=${Object.values(group.by)[0]}/${group.kind}`);
    expect(labels).toEqual([
      'gemeente=Gent/value',
      'gemeente=Leuven/value',
      'gemeente=missing/missing',
      'leeftijd=18-24/band',
      'leeftijd=25-49/band',
      'leeftijd=65-74/band',
      'leeftijd=75+/band',
      'leeftijd=other/other',
      'leeftijd=missing/missing',
    ]);
    const gent = summary.groups[0] as BatchSummary['groups'][number];
    // The same figures as a summary of Gent's rows alone.
    const alone = summarize(`${header}\n${rows.slice(0, 4).join('\n')}\n`, { minN: 1 });
    const { by: _by, kind: _kind, suppressed: _suppressed, ...figures } = gent;
    const { scale: _scale, method: _method, groupings: _groupings, minN: _minN, groups: _groups, ...aloneFigures } = alone;
    expect(figures).toEqual(aloneFigures);
    // Every row is in exactly one group of each grouping.
    for (const column of ['gemeente', 'leeftijd']) {
      expect(summary.groups.filter((group) => column in group.by).reduce((sum, group) => sum + group.read, 0)).toBe(summary.read);
    }
  });

  it('a group whose rows are all unscorable: read, nothing scored, no shares and no intervals', () => {
    const summary = summarize(`${header}\nGent,40,1,${lonely}\nLeeg,40,1,,,,,,\nLeeg,40,1,ja,,,,,\n`, { by: 'gemeente', minN: 0 });
    const empty = summary.groups.find((group) => group.by['gemeente'] === 'Leeg');
    expect(empty?.read).toBe(2);
    expect(empty?.scored).toBe(0);
    expect(empty?.categories.every((category) => category.proportion === null && category.interval === null)).toBe(true);
    expect(empty?.scores.total.mean).toBeNull();
    expect(renderSummaryMarkdown(summary, 'en')).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('Wilson intervals at 0 and n successes stay within 0–1 and include the share', () => {
    expect(wilsonInterval(0, 10)?.lower).toBe(0);
    expect(wilsonInterval(0, 10)?.upper).toBeCloseTo(0.2775, 4);
    expect(wilsonInterval(10, 10)?.upper).toBe(1);
    expect(wilsonInterval(10, 10)?.lower).toBeCloseTo(0.7225, 4);
    const summary = summarize(`${header}\n${Array.from({ length: 10 }, () => `Gent,40,1,${lonely}`).join('\n')}\n`, { by: 'gemeente', minN: 1 });
    const [notLonelyBand, , severe] = summary.groups[0]?.categories ?? [];
    expect(notLonelyBand?.proportion).toBe(0);
    expect(notLonelyBand?.interval?.lower).toBe(0);
    expect(severe?.proportion).toBe(1);
    expect(severe?.interval?.upper).toBe(1);
  });

  it('a weight of 0 counts the row but adds nothing to weighted shares; a blank weight is reported as missing', () => {
    const summary = summarize(`${header}\nGent,40,0,${lonely}\nGent,40,2,${notLonely}\nGent,40,,${lonely}\n`, { by: 'gemeente', weights: 'gewicht', minN: 1 });
    for (const figures of [summary, summary.groups[0] as BatchSummary['groups'][number]]) {
      expect(figures.scored).toBe(3);
      expect(figures.categories[0]?.weightedProportion).toBe(1);
      expect(figures.categories[2]?.weightedProportion).toBe(0);
      expect(figures.weights?.missing).toBe(1);
      expect(figures.weights?.effectiveN).toBe(1);
      expect(figures.scores.total.weightedMean).toBe(0);
    }
  });

  it('NDJSON: a grouping column absent from some rows puts them in the "missing" group', () => {
    const lines = [
      { gemeente: 'Gent', emptiness: 'ja', leanOn: 'nee', trust: 'nee', closeTo: 'nee', missPeople: 'ja', rejected: 'ja' },
      { emptiness: 'nee', leanOn: 'ja', trust: 'ja', closeTo: 'ja', missPeople: 'nee', rejected: 'nee' },
      { gemeente: null, emptiness: 'nee', leanOn: 'ja', trust: 'ja', closeTo: 'ja', missPeople: 'nee', rejected: 'nee' },
    ];
    const summary = summarize(`${lines.map((line) => JSON.stringify(line)).join('\n')}\n`, { by: 'gemeente', minN: 1 }, 'ndjson');
    expect(summary.groups.map((group) => [group.by['gemeente'], group.kind, group.read])).toEqual([
      ['Gent', 'value', 1],
      ['missing', 'missing', 2],
    ]);
  });

  it('an unknown grouping column stops before any row, naming the columns there are', () => {
    expect(() => summarize(`${header}\nGent,40,1,${lonely}\n`, { by: 'regio' })).toThrow(/"regio" is not in the data; its columns are "gemeente", "leeftijd"/);
  });

  it('more distinct values than maxGroups is an error, not a silent merge', () => {
    const rows = Array.from({ length: 5 }, (_, index) => `G${index},40,1,${lonely}`).join('\n');
    expect(() => summarize(`${header}\n${rows}\n`, { by: 'gemeente', maxGroups: 4 })).toThrow(/more than 4 distinct values/);
  });

  it('small groups (default minN 30): counts kept in JSON and marked; no percentages in table, Markdown or HTML', () => {
    const rows = [...Array.from({ length: 30 }, (_, index) => `Gent,40,1,${index % 2 === 0 ? lonely : notLonely}`), `Kortrijk,40,1,${lonely}`];
    const summary = summarize(`${header}\n${rows.join('\n')}\n`, { by: 'gemeente' });
    expect(summary.minN).toBe(30);
    const [gent, kortrijk] = summary.groups;
    expect(gent?.suppressed).toBe(false);
    expect(kortrijk?.suppressed).toBe(true);
    expect(kortrijk?.categories[2]?.count).toBe(1);
    expect(JSON.parse(renderSummaryJson(summary)).groups[1].suppressed).toBe(true);
    const markdown = renderSummaryMarkdown(summary, 'nl');
    const kortrijkLine = markdown.split('\n').find((line) => line.startsWith('| Kortrijk'));
    expect(kortrijkLine).toBe('| Kortrijk * | 1 | – | – | – | – | – |');
    expect(markdown).toContain('Minder dan 30 gescoorde respondenten');
    expect(renderSummaryText(summary, 'en')).toMatch(/Kortrijk \*\s+1\s+–/);
    const page = renderSummaryHtml(summary, { language: 'nl' });
    expect(page).toContain('<th scope="row">Kortrijk *</th><td>1</td><td>–</td>');
    expect(page).not.toContain('Kortrijk: niet eenzaam');
  });
});

describe('reports in Dutch', () => {
  const rows = Array.from({ length: 1500 }, (_, index) => `Gent,40,1,${index % 3 === 0 ? lonely : notLonely}`);
  const summary = summarize(`${header}\n${rows.join('\n')}\n`, { by: 'gemeente' });

  it('every heading and note is Dutch; numbers with decimal commas and thousands points', () => {
    for (const text of [renderSummaryText(summary, 'nl'), renderSummaryMarkdown(summary, 'nl')]) {
      for (const english of ['Rows', 'Categories of the total', 'Reliability', 'read', 'scored', 'weighted', 'missing', 'By gemeente', 'Answers per item', 'mean', 'category']) {
        expect(text).not.toContain(english);
      }
      expect(text).toContain('Rijen');
      expect(text).toContain('Naar gemeente');
      expect(text).toContain('1.500');
      expect(text).toContain('33,3%');
      expect(text).not.toMatch(/\d\.\d%/);
      expect(text).toContain('De Jong Gierveld eenzaamheidsschaal (6 items)');
      expect(text).not.toMatch(/\bdjg6\b/);
    }
    expect(renderSummaryText(summary, 'en')).toContain('1,500');
  });

  it('the HTML page is self-contained: no scripts, no links to anything outside it', () => {
    const page = renderSummaryHtml(summary, { language: 'nl' });
    expect(page).not.toMatch(/<script|<link|src=|href=|@import|url\(/i);
    expect(page).toContain('<html lang="nl">');
    expect(page).toContain('geen diagnose van individuen');
    expect(page).toContain(djg6.citation.replaceAll('&', '&amp;'));
    expect(page).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby=/);
  });

  it('escapes group values in HTML', () => {
    const hostile = summarize(`${header}\n"<script>alert(1)</script>",40,1,${lonely}\n`, { by: 'gemeente', minN: 1 });
    const page = renderSummaryHtml(hostile);
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;');
  });
});

describe('headline indicators by convention', () => {
  it('djg6: lonely = 2–6 and the manual bands (MANUAL; DJG2006)', () => {
    expect(indicatorsOf(djg6).map(({ id, score, min, max }) => [id, score, min, max])).toEqual([
      ['lonely', 'total', 2, 6],
      ['severely_lonely', 'total', 5, 6],
      ['band_not_lonely', 'total', 0, 1],
      ['band_moderately_lonely', 'total', 2, 4],
      ['band_severely_lonely', 'total', 5, 6],
    ]);
  });

  it('djg11: GGD/RIVM eenzaam ≥ 3, ernstig eenzaam ≥ 9, emotioneel/sociaal eenzaam ≥ 2 (RIVM), and the four bands (van Tilburg & de Jong Gierveld 1999)', () => {
    expect(indicatorsOf(djg11).map(({ id, label, score, min, max }) => [id, label.nl, score, min, max])).toEqual([
      ['lonely', 'eenzaam', 'total', 3, 11],
      ['severely_lonely', 'ernstig eenzaam', 'total', 9, 11],
      ['emotionally_lonely', 'emotioneel eenzaam', 'emotional', 2, 6],
      ['socially_lonely', 'sociaal eenzaam', 'social', 2, 5],
      ['band_not_lonely', 'niet eenzaam (0–2)', 'total', 0, 2],
      ['band_moderately_lonely', 'matig eenzaam (3–8)', 'total', 3, 8],
      ['band_severely_lonely', 'ernstig eenzaam (9–10)', 'total', 9, 10],
      ['band_very_severely_lonely', 'zeer ernstig eenzaam (11)', 'total', 11, 11],
    ]);
    expect(indicatorsOf(djg11).every((indicator) => indicator.source.length > 0)).toBe(true);
  });
});

describe('JSON shape', () => {
  it('validates against schemas/summary.schema.json, weighted and grouped', async () => {
    const require = createRequire(import.meta.url);
    const Ajv = require('ajv');
    const schema = require('../../../schemas/summary.schema.json');
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const rows = [`Gent,20,1.5,${lonely}`, `Gent,30,0,${notLonely}`, `,80,,ja,ja,,,,`, `Leuven,x,2,ja,ja,ja,ja,ja,misschien`];
    for (const options of [{}, { weights: 'gewicht', by: 'gemeente,leeftijd:18-24,25+' }] as SummaryOptions[]) {
      const json = JSON.parse(renderSummaryJson(summarize(`${header}\n${rows.join('\n')}\n`, options)));
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    }
    // The schema can fail: a share above 1 is refused.
    const json = JSON.parse(renderSummaryJson(summarize(`${header}\n${rows.join('\n')}\n`, {})));
    json.categories[0].proportion = 1.5;
    expect(validate(json)).toBe(false);
  });
});

describe('grouping values read from bytes', () => {
  it('a value is the same group however often it comes; invalid UTF-8 in a grouping column of a file read as UTF-8 is reported on every row', () => {
    const problems: string[] = [];
    const summary = createSummary(djg6, undefined, { by: 'gemeente', minN: 1 });
    const scorer = createBatchScorer('csv', { scale: djg6, output: null, encoding: 'utf-8', ...summary.batchOptions, onRow: summary.add, onProblem: (problem) => problems.push(`${problem.line}:${problem.code}`) }, () => {});
    const encoder = new TextEncoder();
    const bad = Uint8Array.of(0x47, 0xff, 0x74); // "G\xFFt"
    const line = (gemeente: Uint8Array) => new Uint8Array([...gemeente, ...encoder.encode(`,40,1,${lonely}\n`)]);
    scorer.push(encoder.encode(`${header}\n`));
    for (const gemeente of [encoder.encode('Gent'), bad, encoder.encode('Gent'), bad, encoder.encode('Gent')]) scorer.push(line(gemeente));
    scorer.end();
    const result = summary.finish();
    expect(result.groups.map((group) => [group.by['gemeente'], group.read])).toEqual([
      ['Gent', 3],
      ['G\uFFFDt', 2],
    ]);
    expect(problems).toEqual(['3:invalid_utf8', '5:invalid_utf8']);
  });
});

/** Deep equality, numbers that are not whole to a relative 1e-12. */
function expectClose(actual: unknown, expected: unknown, path = ''): void {
  if (typeof expected === 'number' && typeof actual === 'number' && !Number.isInteger(expected)) {
    expect(Math.abs(actual - expected), path).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
  } else if (expected !== null && typeof expected === 'object') {
    expect(Object.keys(actual as object), path).toEqual(Object.keys(expected));
    for (const [key, value] of Object.entries(expected)) expectClose((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
  } else expect(actual, path).toBe(expected);
}

describe('grouped summaries of many rows and groups', () => {
  it('each of 37 groups over 20,000 weighted rows (a larger weight arriving late) holds exactly the figures of a summary of its rows alone', () => {
    const answers = ['ja', 'nee', 'min of meer', '', 'x', '-1'];
    let state = 7;
    const next = (count: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 8) % count;
    };
    const rows: string[] = [];
    for (let row = 0; row < 20_000; row++) {
      // Weights grow past the weight scale now and then (1 → 3e6 at row 12,000), so the sums are rescaled while rows are held.
      const weight = row % 11 === 0 ? '' : row === 12_000 ? '3000000' : row > 12_000 && row % 97 === 0 ? `${(next(900) + 1) * 1000}.5` : `${next(30) / 10}`;
      const items = Array.from({ length: 6 }, () => answers[next(answers.length)]);
      rows.push(`g${next(37)},${18 + next(80)},${weight},${items.join(',')}`);
    }
    const summary = summarize(`${header}\n${rows.join('\n')}\n`, { by: 'gemeente,leeftijd:18-44,45-64,65+', weights: 'gewicht', minN: 1 });
    expect(summary.groups.filter((group) => 'gemeente' in group.by)).toHaveLength(37);
    for (const group of summary.groups.filter((entry) => 'gemeente' in entry.by).slice(0, 6)) {
      const label = group.by['gemeente'] as string;
      const own = rows.filter((row) => row.startsWith(`${label},`));
      const alone = summarize(`${header}\n${own.join('\n')}\n`, { weights: 'gewicht', minN: 1 });
      const { by: _by, kind: _kind, suppressed: _suppressed, ...figures } = group;
      const { scale: _scale, method: _method, groupings: _groupings, minN: _minN, groups: _groups, ...aloneFigures } = alone;
      // Counts exact; weighted figures to 1e-12 (a summary of the group alone sums its weights on a scale of its own).
      expectClose(figures, aloneFigures);
    }
    const plain = summarize(`${header}\n${rows.join('\n')}\n`, { weights: 'gewicht', minN: 1 });
    const { scale: _scale, method: _method, groupings: _groupings, minN: _minN, groups: _groups, ...all } = summary;
    const { scale: _s, method: _m, groupings: _g, minN: _n, groups: _gs, ...plainAll } = plain;
    expect(all.read).toBe(20_000);
    expect(all.categories.map((category) => category.count)).toEqual(plainAll.categories.map((category) => category.count));
    expectClose(all, plainAll);
  });
});

describe('item frequencies need answer levels', () => {
  it('rows without answer levels (a scorer not given answerLevels) give items: null, overall and per group', () => {
    for (const by of [undefined, 'gemeente']) {
      const summary = createSummary(djg6, undefined, { by, minN: 1 });
      const scorer = createBatchScorer('csv', { scale: djg6, output: null, groupColumns: summary.batchOptions.groupColumns, onRow: summary.add }, () => {});
      scorer.push(new TextEncoder().encode(`${header}\nGent,40,1,${lonely}\nAalst,40,1,${notLonely}\n`));
      scorer.end();
      const result = summary.finish();
      expect(result.read).toBe(2);
      expect(result.items).toBeNull();
      for (const group of result.groups) expect(group.items).toBeNull();
    }
  });
});
