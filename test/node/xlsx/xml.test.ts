import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XmlError, attribute, createXmlScanner, decodeOoxmlEscapes, decodeXml } from '../../../src/node/xlsx/xml.js';

/** The events of a scan, as text, with the input pushed in the given pieces. */
function events(pieces: readonly string[]): string[] {
  const seen: string[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') seen.push(`text ${text}`);
    text = '';
  };
  const scanner = createXmlScanner(
    {
      open: (name, attributes, empty) => {
        flush();
        seen.push(`open ${name} [${attributes.trim()}]${empty ? ' empty' : ''}`);
      },
      close: (name) => {
        flush();
        seen.push(`close ${name}`);
      },
      text: (piece, decoded) => (text += decoded ? `{${piece}}` : piece),
    },
    1 << 16,
  );
  for (const piece of pieces) scanner.push(piece);
  scanner.end();
  flush();
  return seen;
}

const sample =
  '<?xml version="1.0"?><x:row r="1" spans="1:3"><!-- a > comment --><c r="A1" t="s" note=\'a>b\'><v>0</v></c><c r="B1"/><c><is><t xml:space="preserve"> a &amp; b </t></is></c><v><![CDATA[<raw> & ]]></v></x:row>';

describe('XML scanner', () => {
  it('reports tags by local name, attribute text (a > inside quotes included), empty tags, text and CDATA; skips declarations and comments', () => {
    expect(events([sample])).toEqual([
      'open row [r="1" spans="1:3"]',
      "open c [r=\"A1\" t=\"s\" note='a>b']",
      'open v []',
      'text 0',
      'close v',
      'close c',
      'open c [r="B1"] empty',
      'close c',
      'open c []',
      'open is []',
      'open t [xml:space="preserve"]',
      'text  a &amp; b ',
      'close t',
      'close is',
      'close c',
      'open v []',
      'text {<raw> & }',
      'close v',
      'close row',
    ]);
  });

  it('gives the same events however the input is split into chunks', () => {
    const whole = events([sample]);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: sample.length - 1 }), { maxLength: 12 }), (cuts) => {
        const points = [0, ...[...cuts].sort((a, b) => a - b), sample.length];
        expect(events(points.slice(1).map((end, index) => sample.slice(points[index], end)))).toEqual(whole);
      }),
    );
  });

  it('refuses a DOCTYPE (no entity expansion), input cut off inside a tag, and a tag longer than its bound', () => {
    expect(() => events(['<!DOCTYPE x [<!ENTITY a "b">]><x/>'])).toThrow(XmlError);
    expect(() => events(['<row><c r="A1'])).toThrow('it ends inside a tag');
    const scanner = createXmlScanner({ open: () => undefined, close: () => undefined, text: () => undefined }, 100);
    expect(() => scanner.push(`<c r="${'A'.repeat(200)}`)).toThrow('longer than 100 characters');
  });
});

describe('attributes and text', () => {
  it('reads an attribute by name, not inside another value nor as the end of a longer name; *:id takes any prefix', () => {
    expect(attribute(' r="A1" t="s"', 'r')).toBe('A1');
    expect(attribute(' t="s" r="A1"', 'r')).toBe('A1');
    expect(attribute(" xr:r=\"X\" r = 'B2'", 'r')).toBe('B2');
    expect(attribute(' name="r=&quot;x&quot;" r="C3"', 'r')).toBe('C3');
    expect(attribute(" name=\"a r='Z9'\" ", 'r')).toBeUndefined();
    expect(attribute(' rr="1"', 'r')).toBeUndefined();
    expect(attribute(' xmlns:r="http://x" r:id="rId1" name="Blad &amp; co"', '*:id')).toBe('rId1');
    expect(attribute(' xmlns:r="http://x" r:id="rId1" name="Blad &amp; co"', 'name')).toBe('Blad & co');
    expect(attribute(' id="rId1"', '*:id')).toBeUndefined();
  });

  it('decodes the five entities and character references, leaving unknown ones as written; _xHHHH_ escapes of OOXML', () => {
    expect(decodeXml('&lt;&gt;&amp;&quot;&apos; &#233;&#xE9; &#x1F600; &nbsp; &#x110000;')).toBe('<>&"\' éé 😀 &nbsp; &#x110000;');
    expect(decodeOoxmlEscapes('regel_x000D_einde _x005F_x0041_ _xZZZZ_')).toBe('regel\reinde _x0041_ _xZZZZ_');
  });
});
