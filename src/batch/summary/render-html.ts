import type { Language } from '../../index.js';
import { type ReportTable, groupLabel, headlineIndicators, reportTables, weightsNote } from './render.js';
import { type NumberFormats, numberFormats, reportText } from './report-text.js';
import type { BatchSummary, GroupSummary, Prevalence } from './summarize.js';

/** Options of {@link renderSummaryHtml}. */
export interface HtmlReportOptions {
  /** The report's language (default `en`). */
  readonly language?: Language | undefined;
  /** The report's title (default: "Loneliness" / "Eenzaamheid" and the scale's name). */
  readonly title?: string | undefined;
}

/** Most groups drawn in one chart; a grouping with more is shown as a table only. */
const CHART_GROUP_LIMIT = 40;

const escapeHtml = (text: string): string =>
  text.replace(/[<>&"']/g, (character) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[character] as string);

const html = {
  en: {
    title: 'Loneliness',
    keyFigures: 'Key figures',
    respondents: (scored: string, read: string) => `${scored} respondents with a score (of ${read} rows read).`,
    ofScored: (n: string) => `of ${n} respondents`,
    chartTitle: (column: string) => `Categories of the total by ${column}`,
    chartDescription: 'Share of each category of the total score per group, with 95% Wilson intervals; the same figures are in the table below the chart.',
    tooManyGroups: (count: string, limit: number) => `${count} groups: more than ${limit} are not charted; see the table.`,
    suppressed: (minN: number) => `fewer than ${minN}: not shown`,
    details: 'Results in detail',
    method: 'Method',
    scaleAndItems: 'Scale and items',
    subscale: { emotional: 'emotional', social: 'social' },
    scoring: 'Scoring',
    scoringText:
      'Each item scores 0 or 1. On the emotional items (worded negatively) “yes” and “more or less” score 1; on the social items (worded positively) “no” and “more or less” score 1: the neutral answer always scores 1 (manual, §3). The total is the number of items scoring 1; the emotional and social scores count their own items.',
    missingRules: (total: number, subscale: number) =>
      `Missing answers: the total is scored with at most ${total} missing item${total === 1 ? '' : 's'}, as the plain count over the answered items (no prorating); each subscale with at most ${subscale}.`,
    coding: (coding: string | null) => (coding === null ? 'Coding: answers read as labels (yes / more or less / no); no numeric coding.' : `Coding: numeric answers read with coding “${coding}”.`),
    conventions: (total: string, subscale: string | null) =>
      `Category conventions: total “${total}”${subscale === null ? '; subscales not categorised' : `; subscales “${subscale}”`}.`,
    indicatorsTitle: 'Indicators and their sources',
    indicatorRange: (score: string, min: number, max: number) => `${score} score ${min === max ? min : `${min}–${max}`}`,
    intervals:
      'Intervals: 95% Wilson score intervals (Wilson 1927); with weights, on the Kish effective sample size (Σw)²/Σw².',
    unweighted: 'Weights: none; all respondents count equally.',
    smallGroups: (minN: number) =>
      `Small groups: groups with fewer than ${minN} scored respondents keep their counts, but their percentages are not shown, as Dutch statistics practice (GGD, CBS) does not publish small cells.`,
    citation: 'Citation',
    caution:
      'The scale was built for survey research on groups. It measures loneliness in a population; it is not a diagnosis of individuals.',
    footer: 'Made with loneliness-scales.',
    score: { total: 'total', emotional: 'emotional', social: 'social' },
  },
  nl: {
    title: 'Eenzaamheid',
    keyFigures: 'Kerncijfers',
    respondents: (scored: string, read: string) => `${scored} respondenten met een score (van ${read} gelezen rijen).`,
    ofScored: (n: string) => `van ${n} respondenten`,
    chartTitle: (column: string) => `Categorieën van de totaalscore naar ${column}`,
    chartDescription: 'Aandeel van elke categorie van de totaalscore per groep, met 95%-betrouwbaarheidsintervallen (Wilson); dezelfde cijfers staan in de tabel onder de grafiek.',
    tooManyGroups: (count: string, limit: number) => `${count} groepen: meer dan ${limit} worden niet in een grafiek getoond; zie de tabel.`,
    suppressed: (minN: number) => `minder dan ${minN}: niet getoond`,
    details: 'Uitkomsten in detail',
    method: 'Methode',
    scaleAndItems: 'Schaal en items',
    subscale: { emotional: 'emotioneel', social: 'sociaal' },
    scoring: 'Scoring',
    scoringText:
      'Elk item scoort 0 of 1. Op de emotionele items (negatief geformuleerd) scoren „ja” en „min of meer” 1; op de sociale items (positief geformuleerd) scoren „nee” en „min of meer” 1: het neutrale antwoord scoort altijd 1 (handleiding, §3). De totaalscore is het aantal items dat 1 scoort; de emotionele en sociale score tellen hun eigen items.',
    missingRules: (total: number, subscale: number) =>
      `Ontbrekende antwoorden: de totaalscore wordt berekend bij ten hoogste ${total} ontbrekend${total === 1 ? '' : 'e'} item${total === 1 ? '' : 's'}, als het aantal over de beantwoorde items (zonder ophogen); elke subschaal bij ten hoogste ${subscale}.`,
    coding: (coding: string | null) => (coding === null ? 'Codering: antwoorden gelezen als tekst (ja / min of meer / nee); geen numerieke codering.' : `Codering: numerieke antwoorden gelezen met codering „${coding}”.`),
    conventions: (total: string, subscale: string | null) =>
      `Indeling in categorieën: totaalscore „${total}”${subscale === null ? '; subschalen niet ingedeeld' : `; subschalen „${subscale}”`}.`,
    indicatorsTitle: 'Indicatoren en hun bronnen',
    indicatorRange: (score: string, min: number, max: number) => `${score}score ${min === max ? min : `${min}–${max}`}`,
    intervals:
      'Intervallen: 95%-betrouwbaarheidsintervallen volgens Wilson (1927); bij weging op de effectieve steekproefomvang van Kish, (Σw)²/Σw².',
    unweighted: 'Weging: geen; elke respondent telt even zwaar.',
    smallGroups: (minN: number) =>
      `Kleine groepen: van groepen met minder dan ${minN} gescoorde respondenten staan alleen de aantallen in het rapport, geen percentages; GGD en CBS publiceren kleine cellen niet.`,
    citation: 'Bronvermelding',
    caution:
      'De schaal is gemaakt voor onderzoek naar groepen. Zij meet eenzaamheid in een bevolking; zij is geen diagnose van individuen.',
    footer: 'Gemaakt met loneliness-scales.',
    score: { total: 'totaal', emotional: 'emotionele ', social: 'sociale ' },
  },
} as const;

/** Bar colours of the categories, from not lonely to very severely lonely (sequential blues). */
const COLOURS = ['#9ecae1', '#4292c6', '#08519c', '#08306b', '#041c40'];

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1a1a1a; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.7rem; line-height: 1.2; margin: .5rem 0; color: #08306b; }
h2 { font-size: 1.3rem; margin: 2rem 0 .75rem; padding-bottom: .2rem; border-bottom: 2px solid #08519c; color: #08306b; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
p { margin: .5rem 0; }
.lead { color: #333; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(10.5rem, 1fr)); gap: .75rem; list-style: none; margin: 0; padding: 0; }
.card { border: 1px solid #b8c7da; border-radius: .4rem; padding: .75rem; }
.card .value { display: block; font-size: 1.9rem; font-weight: 700; line-height: 1.1; color: #08306b; }
.card .label { display: block; font-weight: 600; }
.card .detail { display: block; font-size: .85rem; color: #3d3d3d; }
figure { margin: 1rem 0; }
figure svg { display: block; width: 100%; max-width: 42rem; height: auto; }
figcaption { font-size: .85rem; color: #3d3d3d; }
.table-wrap { overflow-x: auto; margin: .5rem 0 1rem; }
.table-wrap:focus { outline: 2px solid #08519c; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; font-variant-numeric: tabular-nums; }
caption { caption-side: top; text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { padding: .3rem .5rem; border-bottom: 1px solid #d0d7e1; text-align: right; vertical-align: top; }
thead th { background: #eef2f7; font-weight: 600; }
tbody th { font-weight: 600; }
th:first-child, td:first-child { text-align: left; }
.note { font-size: .85rem; color: #3d3d3d; }
.caution { border-left: 4px solid #08519c; background: #eef2f7; padding: .5rem .75rem; }
ol.items li { margin: .15rem 0; }
footer { margin-top: 2rem; font-size: .8rem; color: #3d3d3d; }
@media screen and (min-width: 40rem) {
  td { white-space: nowrap; }
}
@media (max-width: 40rem) {
  main { padding: .75rem; }
  h1 { font-size: 1.4rem; }
  table { font-size: .78rem; }
  th, td { padding: .25rem .3rem; }
}
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { font-size: 9.5pt; }
  main { max-width: none; padding: 0; }
  .table-wrap { overflow: visible; }
  table { font-size: 8pt; table-layout: auto; }
  th, td { padding: 2pt 3pt; overflow-wrap: anywhere; }
  thead { display: table-header-group; }
  tr, figure, .card, .caution { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
`;

function tableHtml(table: ReportTable, headingLevel: 'h3' | 'caption' = 'caption'): string {
  const id = `table-${table.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const head = `<thead><tr>${table.header.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('')}</tr></thead>`;
  const body = `<tbody>${table.rows.map((row) => `<tr>${row.map((cell, column) => (column === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td>${escapeHtml(cell)}</td>`)).join('')}</tr>`).join('')}</tbody>`;
  const notes = table.notes.map((note) => `<p class="note">${escapeHtml(note)}</p>`).join('');
  const caption = headingLevel === 'caption' ? `<caption id="${id}">${escapeHtml(table.title)}</caption>` : '';
  const heading = headingLevel === 'h3' ? `<h3 id="${id}-heading">${escapeHtml(table.title)}</h3>` : '';
  return `${heading}<div class="table-wrap" tabindex="0"><table>${caption}${head}${body}</table></div>${notes}`;
}

/** The chart of one grouping: per group, a bar per category of the total with its 95% interval (horizontal, so that it reads on a phone). */
function groupingChart(summary: BatchSummary, groups: readonly GroupSummary[], column: string, language: Language, format: NumberFormats, id: string): string {
  const text = html[language];
  const weighted = summary.weights !== null;
  const bands = summary.categories.map((category) => category.band);
  const shareOf = (prevalence: Prevalence) => (weighted ? prevalence.weightedProportion : prevalence.proportion) ?? 0;
  const intervalOf = (prevalence: Prevalence) => (weighted ? prevalence.weightedInterval : prevalence.interval) ?? null;
  const width = 640;
  const left = 150;
  const right = 78;
  const barHeight = 14;
  const barGap = 3;
  const blockGap = 16;
  const legendHeight = 24 + Math.ceil(bands.length / 2) * 22;
  const axisHeight = 30;
  const block = bands.length * (barHeight + barGap) - barGap;
  const height = legendHeight + groups.length * (block + blockGap) + axisHeight;
  const plot = width - left - right;
  const highest = Math.max(0.05, ...groups.filter((group) => !group.suppressed).flatMap((group) => group.categories.map((category) => intervalOf(category)?.upper ?? shareOf(category))));
  const step = highest > 0.5 ? 0.2 : highest > 0.25 ? 0.1 : 0.05;
  const ticks = Math.ceil(highest / step - 1e-9);
  const maximum = ticks * step;
  const x = (share: number) => left + (share / maximum) * plot;
  const title = text.chartTitle(column);
  const description = groups
    .map((group) =>
      group.suppressed
        ? `${groupLabel(group, language)}: ${text.suppressed(summary.minN)}`
        : `${groupLabel(group, language)}: ${group.categories.map((category) => `${category.band.label[language]} ${format.percent(shareOf(category))}`).join(', ')}`,
    )
    .join('; ');
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, Helvetica, Arial, sans-serif" font-size="14" role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">${escapeHtml(title)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(`${text.chartDescription} ${description}.`)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  bands.forEach((band, index) => {
    const column = index % 2;
    const row = Math.floor(index / 2);
    const lx = left + column * 220;
    const ly = 10 + row * 22;
    parts.push(`<rect x="${lx}" y="${ly}" width="14" height="14" fill="${COLOURS[index] ?? '#777'}" stroke="#1a1a1a" stroke-width=".5"/>`);
    parts.push(`<text x="${lx + 20}" y="${ly + 12}" fill="#1a1a1a">${escapeHtml(band.label[language])}</text>`);
  });
  const top = legendHeight;
  const bottom = height - axisHeight;
  for (let tick = 0; tick <= ticks; tick++) {
    const position = x(step * tick).toFixed(1);
    parts.push(`<line x1="${position}" x2="${position}" y1="${top - 6}" y2="${bottom}" stroke="#d9d9d9"/>`);
    parts.push(`<text x="${position}" y="${bottom + 18}" text-anchor="middle" fill="#3d3d3d">${Math.round(step * tick * 100)}%</text>`);
  }
  groups.forEach((group, groupIndex) => {
    const y0 = top + groupIndex * (block + blockGap);
    parts.push(`<text x="${left - 8}" y="${(y0 + block / 2 + 5).toFixed(1)}" text-anchor="end" font-weight="600" fill="#1a1a1a">${escapeHtml(truncate(groupLabel(group, language), 20))}</text>`);
    if (group.suppressed) {
      parts.push(`<text x="${left + 6}" y="${(y0 + block / 2 + 5).toFixed(1)}" fill="#3d3d3d" font-style="italic">n = ${format.count(group.scored)}: ${escapeHtml(text.suppressed(summary.minN))}</text>`);
      return;
    }
    group.categories.forEach((category, index) => {
      const y = y0 + index * (barHeight + barGap);
      const share = shareOf(category);
      const interval = intervalOf(category);
      parts.push(`<rect x="${left}" y="${y}" width="${Math.max(0, x(share) - left).toFixed(1)}" height="${barHeight}" fill="${COLOURS[index] ?? '#777'}"/>`);
      const end = x(interval?.upper ?? share);
      if (interval !== null) {
        const middle = y + barHeight / 2;
        parts.push(`<path d="M${x(interval.lower).toFixed(1)} ${middle}H${end.toFixed(1)}M${x(interval.lower).toFixed(1)} ${middle - 5}v10M${end.toFixed(1)} ${middle - 5}v10" stroke="#1a1a1a" stroke-width="1.3" fill="none"/>`);
      }
      parts.push(`<text x="${(end + 5).toFixed(1)}" y="${y + barHeight - 2}" font-size="12.5" fill="#1a1a1a">${format.percent(share)}</text>`);
    });
  });
  parts.push(`<line x1="${left}" x2="${left}" y1="${top - 6}" y2="${bottom}" stroke="#1a1a1a"/>`);
  parts.push('</svg>');
  return parts.join('');
}

const truncate = (label: string, length: number) => (label.length > length ? `${label.slice(0, length - 1)}…` : label);

/**
 * The summary as one self-contained HTML page (no scripts, no network, no external files; it
 * opens from an e-mail attachment): title, the headline indicators, per grouping a bar chart of
 * the categories with 95% intervals and a table, the tables of the whole sample, the answers per
 * item, and a method section (scale and items, scoring and missing-answer rules, coding,
 * weights, the indicators' sources, the citation, and the caution that the scale measures groups
 * and is no diagnosis of individuals). Prints on A4 and reads at 375 px; English or Dutch.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { createBatchScorer, createSummary, renderSummaryHtml } from 'loneliness-scales/batch';
 * const accumulator = createSummary(djg6, undefined, { by: 'gemeente' });
 * const scorer = createBatchScorer('csv', { scale: djg6, output: null, ...accumulator.batchOptions, onRow: accumulator.add }, () => {});
 * scorer.push(new TextEncoder().encode('gemeente,emptiness,leanOn,trust,closeTo,missPeople,rejected\nGent,ja,ja,ja,nee,ja,ja\n'));
 * scorer.end();
 * const page = renderSummaryHtml(accumulator.finish(), { language: 'nl' });
 * page.startsWith('<!doctype html>'); // true
 * page.includes('geen diagnose'); // true
 * ```
 */
export function renderSummaryHtml(summary: BatchSummary, options: HtmlReportOptions = {}): string {
  const language = options.language ?? 'en';
  const text = html[language];
  const words = reportText[language];
  const format = numberFormats(language);
  const weighted = summary.weights !== null;
  const scaleName = summary.method.scaleName[language];
  const title = options.title ?? `${text.title}: ${scaleName}`;
  const tables = reportTables(summary, language);
  const byId = new Map(tables.map((table) => [table.id, table]));
  const out: string[] = [];
  out.push(`<!doctype html>\n<html lang="${language}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">`);
  out.push(`<title>${escapeHtml(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<main>`);
  out.push(`<h1>${escapeHtml(title)}</h1>`);
  out.push(`<p class="lead">${escapeHtml(text.respondents(format.count(summary.scored), format.count(summary.read)))}${weighted ? ` ${escapeHtml(words.weightedFigures)}` : ''}</p>`);

  const headline = headlineIndicators(summary);
  const cards = headline.length > 0 ? headline.map(({ definition, index }) => ({ label: definition.label[language], prevalence: summary.indicators[index] as Prevalence, n: summary.indicators[index]?.n ?? 0 })) : summary.categories.map((category) => ({ label: category.band.label[language], prevalence: category as Prevalence, n: summary.scored }));
  out.push(`<section aria-labelledby="key-figures"><h2 id="key-figures">${escapeHtml(text.keyFigures)}</h2><ul class="cards">`);
  for (const card of cards) {
    const share = weighted ? card.prevalence.weightedProportion : card.prevalence.proportion;
    const interval = weighted ? card.prevalence.weightedInterval : card.prevalence.interval;
    out.push(
      `<li class="card"><span class="value">${format.percent(share)}</span><span class="label">${escapeHtml(card.label)}</span><span class="detail">${escapeHtml(words.interval)} ${format.interval(interval)}; ${escapeHtml(text.ofScored(format.count(card.n)))}</span></li>`,
    );
  }
  out.push('</ul></section>');

  summary.groupings.forEach((grouping, groupingIndex) => {
    const groups = summary.groups.filter((group) => Object.hasOwn(group.by, grouping.column));
    const table = byId.get(`by-${grouping.column}`);
    const headingId = `grouping-${groupingIndex}`;
    out.push(`<section aria-labelledby="${headingId}"><h2 id="${headingId}">${escapeHtml(words.by(grouping.column))}</h2>`);
    if (groups.length <= CHART_GROUP_LIMIT) {
      out.push(`<figure>${groupingChart(summary, groups, grouping.column, language, format, `chart-${groupingIndex}`)}<figcaption>${escapeHtml(words.chartNote(format.count(summary.scored), weighted))}</figcaption></figure>`);
    } else {
      out.push(`<p class="note">${escapeHtml(text.tooManyGroups(format.count(groups.length), CHART_GROUP_LIMIT))}</p>`);
    }
    if (table !== undefined) out.push(tableHtml(table));
    out.push('</section>');
  });

  out.push(`<section aria-labelledby="details"><h2 id="details">${escapeHtml(text.details)}</h2>`);
  for (const table of tables) {
    if (table.id.startsWith('by-') || table.id === 'items') continue;
    out.push(tableHtml(table));
  }
  const note = weightsNote(summary, language);
  if (note !== '') out.push(`<p class="note">${escapeHtml(note)}</p>`);
  out.push('</section>');

  const items = byId.get('items');
  if (items !== undefined) {
    out.push(`<section aria-labelledby="items"><h2 id="items">${escapeHtml(items.title)}</h2>${tableHtml({ ...items, title: items.title })}</section>`);
  }

  const { rules } = summary.method;
  out.push(`<section aria-labelledby="method"><h2 id="method">${escapeHtml(text.method)}</h2>`);
  out.push(`<h3>${escapeHtml(text.scaleAndItems)}</h3><p>${escapeHtml(scaleName)}.</p><ol class="items">`);
  for (const item of summary.method.items) {
    out.push(`<li value="${item.number}">${escapeHtml(item.text[language])}${item.subscale === undefined ? '' : ` <span class="note">(${escapeHtml(text.subscale[item.subscale])})</span>`}</li>`);
  }
  out.push('</ol>');
  out.push(`<h3>${escapeHtml(text.scoring)}</h3><p>${escapeHtml(text.scoringText)}</p>`);
  out.push(`<p>${escapeHtml(text.missingRules(rules.missing.total, rules.missing.subscale))}</p>`);
  out.push(`<p>${escapeHtml(text.coding(rules.coding))}</p>`);
  out.push(`<p>${escapeHtml(text.conventions(rules.totalCategories, rules.subscaleCategories))}</p>`);
  out.push(`<p>${escapeHtml(weighted ? note : text.unweighted)}</p>`);
  out.push(`<p>${escapeHtml(text.intervals)}</p>`);
  if (summary.groupings.length > 0) out.push(`<p>${escapeHtml(text.smallGroups(summary.minN))}</p>`);
  if (summary.method.indicators.length > 0) {
    out.push(`<h3>${escapeHtml(text.indicatorsTitle)}</h3><ul>`);
    for (const indicator of summary.method.indicators) {
      out.push(`<li><strong>${escapeHtml(indicator.label[language])}</strong>: ${escapeHtml(text.indicatorRange(text.score[indicator.score], indicator.min, indicator.max))}. <span class="note">${escapeHtml(indicator.source)}</span></li>`);
    }
    out.push('</ul>');
  }
  out.push(`<h3>${escapeHtml(text.citation)}</h3><p>${escapeHtml(summary.method.citation)}</p>`);
  out.push(`<p class="caution">${escapeHtml(text.caution)}</p>`);
  out.push('</section>');
  out.push(`<footer><p>${escapeHtml(text.footer)}</p></footer>`);
  out.push('</main>\n</body>\n</html>\n');
  return out.join('\n');
}
