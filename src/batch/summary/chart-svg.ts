import type { Language } from '../../index.js';
import { numberFormats, reportText } from './report-text.js';
import type { BatchSummary } from './summarize.js';

const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/g, (character) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[character] as string);

/**
 * An SVG bar chart of the category distribution of the total, with the 95% Wilson interval of
 * each share as an error bar (weighted shares when the summary is weighted). The title defaults
 * to the scale's name in the chart's language; numbers are written as that language writes them. Self-contained, no
 * scripts or external fonts: paste it into a report or open it in a browser.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { createBatchScorer, createSummary, categoryChartSvg } from 'loneliness-scales/batch';
 * const accumulator = createSummary(djg6);
 * const scorer = createBatchScorer('csv', { scale: djg6, output: null, onRow: accumulator.add }, () => {});
 * scorer.push(new TextEncoder().encode('emptiness,leanOn,trust,closeTo,missPeople,rejected\nja,ja,ja,nee,ja,ja\n'));
 * scorer.end();
 * const summary = accumulator.finish();
 * const svg = categoryChartSvg(summary, { language: 'nl', title: 'Eenzaamheid (6 items)' });
 * svg.startsWith('<svg'); // true
 * ```
 */
export function categoryChartSvg(summary: BatchSummary, options: { readonly language?: Language; readonly title?: string } = {}): string {
  const language = options.language ?? 'en';
  const weighted = summary.weights !== null;
  const width = 640;
  const height = 360;
  const left = 60;
  const right = 20;
  const top = 50;
  const bottom = 70;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const bars = summary.categories.map((category) => ({
    label: category.band.label[language],
    share: (weighted ? category.weightedProportion : category.proportion) ?? 0,
    interval: weighted ? category.weightedInterval : category.interval,
  }));
  const highest = Math.max(0.05, ...bars.map((bar) => bar.interval?.upper ?? bar.share));
  // Round gridlines: every 5, 10 or 20 percentage points.
  const step = highest > 0.5 ? 0.2 : highest > 0.25 ? 0.1 : 0.05;
  const ticks = Math.ceil(highest / step - 1e-9);
  const maximum = ticks * step;
  const y = (share: number) => top + plotHeight - (share / maximum) * plotHeight;
  const slot = plotWidth / Math.max(1, bars.length);
  const barWidth = slot * 0.6;
  const format = numberFormats(language);
  const title = options.title ?? summary.method.scaleName[language];
  const note = reportText[language].chartNote(format.count(summary.scored), weighted);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="12" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  for (let tick = 0; tick <= ticks; tick++) {
    const share = step * tick;
    const position = y(share).toFixed(1);
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${position}" y2="${position}" stroke="#e0e0e0"/>`);
    parts.push(`<text x="${left - 6}" y="${position}" text-anchor="end" dominant-baseline="middle" fill="#555">${Math.round(share * 100)}%</text>`);
  }
  bars.forEach((bar, index) => {
    const x = left + slot * index + (slot - barWidth) / 2;
    const center = x + barWidth / 2;
    parts.push(
      `<rect x="${x.toFixed(1)}" y="${y(bar.share).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(top + plotHeight - y(bar.share)).toFixed(1)}" fill="#4c78a8"><title>${escapeXml(`${bar.label}: ${format.percent(bar.share)}`)}</title></rect>`,
    );
    if (bar.interval !== null && bar.interval !== undefined) {
      const low = y(bar.interval.lower).toFixed(1);
      const high = y(bar.interval.upper).toFixed(1);
      parts.push(`<path d="M${center.toFixed(1)} ${low}V${high}M${(center - 8).toFixed(1)} ${low}h16M${(center - 8).toFixed(1)} ${high}h16" stroke="#222" stroke-width="1.5" fill="none"/>`);
    }
    parts.push(`<text x="${center.toFixed(1)}" y="${(y(bar.interval?.upper ?? bar.share) - 6).toFixed(1)}" text-anchor="middle" font-weight="bold">${format.percent(bar.share)}</text>`);
    parts.push(`<text x="${center.toFixed(1)}" y="${top + plotHeight + 18}" text-anchor="middle">${escapeXml(bar.label)}</text>`);
  });
  parts.push(`<line x1="${left}" x2="${width - right}" y1="${top + plotHeight}" y2="${top + plotHeight}" stroke="#222"/>`);
  parts.push(`<text x="${width / 2}" y="${height - 16}" text-anchor="middle" fill="#555">${escapeXml(note)}</text>`);
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
