import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ScaleDefinition, createScorer, defineScale, djg11, djg6, safeScore } from '../../../src/index.js';
import { random } from '../../helpers/dataset.js';

const answers = ['yes', 'more or less', 'no', 'yes!', 'no!', null] as const;
const copy = (scale: ScaleDefinition): unknown => JSON.parse(JSON.stringify(scale));

describe('defineScale: the shipped scales are themselves definitions (issue 9)', () => {
  it('djg6 round-trips through JSON and scores all 4,096 answer/missing patterns identically', () => {
    const defined = defineScale(copy(djg6));
    expect(defined).toEqual(djg6);
    const states = ['yes', 'more or less', 'no', null] as const;
    const keys = djg6.items.map((item) => item.key);
    for (let pattern = 0; pattern < 4 ** keys.length; pattern++) {
      const given: Record<string, string | null> = {};
      keys.forEach((key, index) => (given[key] = states[Math.floor(pattern / 4 ** index) % 4] ?? null));
      expect(safeScore(defined, given)).toEqual(safeScore(djg6, given));
    }
  });

  it('djg11 round-trips through JSON and scores random answer patterns identically (property)', () => {
    const defined = defineScale(copy(djg11));
    expect(defined).toEqual(djg11);
    const keys = djg11.items.map((item) => item.key);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...answers), { minLength: 11, maxLength: 11 }), fc.constantFrom(0, 1, 2), (values, tolerance) => {
        const given = Object.fromEntries(keys.map((key, index) => [key, values[index]]));
        const options = { missing: { total: tolerance, subscale: Math.min(tolerance, 1) } };
        expect(safeScore(defined, given, options)).toEqual(safeScore(djg11, given, options));
      }),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 5000) },
    );
  });

  it('djg11 round-trips through JSON and scores a random million answer/missing patterns identically (issue 9)', () => {
    const defined = createScorer(defineScale(copy(djg11)), { coding: 'manual5' });
    const shipped = createScorer(djg11, { coding: 'manual5' });
    const keys = djg11.items.map((item) => item.key);
    // Seeded: the same million patterns on every run.
    const next = random(0x9e3779b9);
    const answer = [null, 1, 2, 3, 4, 5, 'ja', 'nee', 'min of meer'] as const;
    let differences = 0;
    let scored = 0;
    const given: Record<string, unknown> = {};
    for (let pattern = 0; pattern < 1_000_000; pattern++) {
      for (const key of keys) given[key] = answer[Math.floor(next() * answer.length)];
      const a = defined.safeScore(given);
      const b = shipped.safeScore(given);
      if (!a.success || !b.success) {
        differences++;
        continue;
      }
      if (a.data.total !== null) scored++;
      if (
        a.data.total !== b.data.total ||
        a.data.emotional !== b.data.emotional ||
        a.data.social !== b.data.social ||
        a.data.category?.id !== b.data.category?.id ||
        a.data.emotionalCategory?.id !== b.data.emotionalCategory?.id ||
        a.data.missingItems.join() !== b.data.missingItems.join() ||
        keys.some((key) => a.data.points[key] !== b.data.points[key])
      ) {
        differences++;
      }
    }
    expect(differences).toBe(0);
    // The patterns reach scored totals too, not only missing ones (about a third have no missing item).
    expect(scored).toBeGreaterThan(10_000);
  });

  it('the respondent instruction round-trips; a definition without one has none (reference §11)', () => {
    expect(defineScale(copy(djg11)).instruction).toEqual(djg11.instruction);
    const { instruction: _instruction, ...rest } = copy(djg6) as Record<string, unknown>;
    expect(defineScale(rest).instruction).toBeUndefined();
  });

  it('a definition is frozen and independent of the object it was made from', () => {
    const source = copy(djg6) as { citation: string };
    const defined = defineScale(source);
    source.citation = 'changed';
    expect(defined.citation).toBe(djg6.citation);
    expect(Object.isFrozen(defined.items[0])).toBe(true);
  });
});

describe('defineScale refuses what it cannot score, naming the path (invalid_scale)', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- edits reach anywhere into a JSON copy
  type Json = any;
  const edits: [string, (definition: Json) => void, string][] = [
    ['not an object', (d) => Object.keys(d).forEach((k) => delete d[k]), 'id'],
    ['an id with spaces', (d) => (d.id = 'my scale'), 'id'],
    ['no items', (d) => (d.items = []), 'items'],
    ['a duplicate item key', (d) => (d.items[1].key = d.items[0].key), 'items.1.key'],
    ['a duplicate item number', (d) => (d.items[1].number = d.items[0].number), 'items.1.number'],
    ['an item key __proto__', (d) => (d.items[0].key = '__proto__'), 'items.0.key'],
    ['an unknown subscale', (d) => (d.items[0].subscale = 'physical'), 'items.0.subscale'],
    ['an item text with a line break', (d) => (d.items[0].text.nl = 'a\nb'), 'items.0.text.nl'],
    ['a range that is not the item count', (d) => (d.range.total = 7), 'range.total'],
    ['a tolerance out of range', (d) => (d.missing.total = 7), 'missing.total'],
    ['bands with a gap', (d) => (d.categories.total.conventions[0].bands[1].min = 3), 'categories.total.conventions.0.bands.1.min'],
    ['bands short of the maximum', (d) => d.categories.total.conventions[0].bands.pop(), 'categories.total.conventions.0.bands'],
    ['a default that names no convention', (d) => (d.categories.total.default = 'cbs'), 'categories.total.default'],
    ['an unknown canonical answer', (d) => (d.answerFormats[0].options[0].answer = 'maybe'), 'answerFormats.0.options.0.answer'],
    ['an instruction that is not an object', (d) => (d.instruction = 'Lees'), 'instruction'],
    ['an instruction in no shipped language', (d) => (d.instruction.text = { de: 'Bitte' }), 'instruction.text'],
    ['an instruction text with a line break', (d) => (d.instruction.text.nl = 'a\nb'), 'instruction.text.nl'],
    ['an instruction without its source', (d) => delete d.instruction.source, 'instruction.source'],
  ];
  it.each(edits)('%s', (_, edit, path) => {
    const definition = copy(djg6) as Json;
    edit(definition);
    let caught: unknown;
    try {
      defineScale(definition);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'invalid_scale', path });
  });

  it('anything but an object', () => {
    for (const value of [null, 'djg6', 6, []]) expect(() => defineScale(value)).toThrow(expect.objectContaining({ code: 'invalid_scale' }));
  });
});
