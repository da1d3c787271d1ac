// A small streaming scanner of the XML that .xlsx parts hold: tags and the text between them, in
// chunks of any size, in linear time and bounded memory. Not a general XML parser: no DOCTYPE (an
// .xlsx part never holds one, and refusing it rules out entity expansion), no validation; names
// are reduced to their local part (`x:row` is `row`).

/** Malformed XML, or a tag longer than the scanner keeps. */
export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlError';
  }
}

/** What the scanner reports. */
export interface XmlHandlers {
  /** An opening or empty tag: its local name and its attribute text. */
  readonly open: (name: string, attributes: string, empty: boolean) => void;
  /** A closing tag (also sent after an empty tag). */
  readonly close: (name: string) => void;
  /** Character data: raw (entities not yet decoded), or decoded (CDATA). Sent in pieces. */
  readonly text: (text: string, decoded: boolean) => void;
}

/** A scanner: text in, events out. */
export interface XmlScanner {
  readonly push: (text: string) => void;
  /** Ends the input; throws an {@link XmlError} when it ends inside a tag. */
  readonly end: () => void;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon === -1 ? qualified : qualified.slice(colon + 1);
}

/** The offset of the `>` that ends the tag opened at `start`, skipping quoted attribute values; -1 when not in `text`. */
function tagEnd(text: string, start: number): number {
  let open = 0;
  for (let index = start; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (open !== 0) {
      if (code === open) open = 0;
    } else if (code === 0x3e) {
      return index;
    } else if (code === 0x22 || code === 0x27) {
      open = code;
    }
  }
  return -1;
}

/**
 * Creates a scanner. `maxPending` bounds what is kept between chunks: a tag, comment or CDATA
 * section longer than that throws an {@link XmlError}.
 */
export function createXmlScanner(handlers: XmlHandlers, maxPending: number): XmlScanner {
  let pending = '';
  function push(chunk: string): void {
    const text = pending.length > 0 ? pending + chunk : chunk;
    let position = 0;
    const length = text.length;
    while (position < length) {
      const start = text.indexOf('<', position);
      if (start === -1) {
        handlers.text(text.slice(position), false);
        position = length;
        break;
      }
      if (start > position) handlers.text(text.slice(position, start), false);
      position = start;
      const next = text.charCodeAt(start + 1);
      if (Number.isNaN(next)) break;
      if (next === 0x21 /* ! */) {
        if (text.startsWith('<!--', start)) {
          const end = text.indexOf('-->', start + 4);
          if (end === -1) break;
          position = end + 3;
          continue;
        }
        if (text.startsWith('<![CDATA[', start)) {
          const end = text.indexOf(']]>', start + 9);
          if (end === -1) break;
          handlers.text(text.slice(start + 9, end), true);
          position = end + 3;
          continue;
        }
        if (length - start < 9) break;
        throw new XmlError('it holds a DOCTYPE or other declaration, which .xlsx parts never hold');
      }
      if (next === 0x3f /* ? */) {
        const end = text.indexOf('?>', start + 2);
        if (end === -1) break;
        position = end + 2;
        continue;
      }
      const end = tagEnd(text, start + 1);
      if (end === -1) break;
      if (next === 0x2f /* / */) {
        handlers.close(localName(text.slice(start + 2, end).trim()));
      } else {
        const empty = text.charCodeAt(end - 1) === 0x2f;
        const innerEnd = empty ? end - 1 : end;
        let nameEnd = start + 1;
        while (nameEnd < innerEnd && !isSpace(text.charCodeAt(nameEnd))) nameEnd++;
        const name = localName(text.slice(start + 1, nameEnd));
        if (name === '') throw new XmlError('it holds a tag without a name');
        handlers.open(name, nameEnd < innerEnd ? text.slice(nameEnd, innerEnd) : '', empty);
        if (empty) handlers.close(name);
      }
      position = end + 1;
    }
    pending = position < length ? text.slice(position) : '';
    if (pending.length > maxPending) throw new XmlError(`it holds a tag, comment or CDATA section longer than ${maxPending} characters`);
  }
  return {
    push,
    end: () => {
      if (pending.length > 0) throw new XmlError('it ends inside a tag (the part is cut off)');
    },
  };
}

const entities: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes XML character references and the five predefined entities; others are left as written. */
export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (whole, name: string) => {
    if (name.charCodeAt(0) !== 0x23) return entities[name] ?? whole;
    const code = name.charCodeAt(1) === 0x78 ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Decodes the escapes of OOXML string content: `_xHHHH_` is the UTF-16 code unit HHHH (Excel
 * writes control characters such as a carriage return as `_x000D_`, and a literal `_x` as `_x005F_x`).
 */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_whole, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/**
 * The decoded value of attribute `name` in a tag's attribute text: a qualified name as written
 * (`r`, `Target`), or `*:local` for that local name with any prefix (`r:id`).
 */
export function attribute(attributes: string, name: string): string | undefined {
  const anyPrefix = name.startsWith('*:');
  const wanted = anyPrefix ? name.slice(1) : name;
  for (let found = attributes.indexOf(wanted); found !== -1; found = attributes.indexOf(wanted, found + 1)) {
    let nameStart = found;
    if (anyPrefix) {
      while (nameStart > 0 && !isSpace(attributes.charCodeAt(nameStart - 1))) nameStart--;
      if (nameStart === found) continue;
    } else if (found > 0 && !isSpace(attributes.charCodeAt(found - 1))) {
      continue;
    }
    let index = found + wanted.length;
    while (isSpace(attributes.charCodeAt(index))) index++;
    if (attributes.charCodeAt(index) !== 0x3d /* = */) continue;
    index++;
    while (isSpace(attributes.charCodeAt(index))) index++;
    const quote = attributes.charCodeAt(index);
    if (quote !== 0x22 && quote !== 0x27) continue;
    const close = attributes.indexOf(quote === 0x22 ? '"' : "'", index + 1);
    if (close === -1) return undefined;
    // Only a match outside another attribute's value: the text before it must hold balanced quotes.
    if (!outsideValues(attributes, nameStart)) continue;
    return decodeXml(attributes.slice(index + 1, close));
  }
  return undefined;
}

/** Whether offset `end` of attribute text lies outside quoted values. */
function outsideValues(attributes: string, end: number): boolean {
  let open = 0;
  for (let index = 0; index < end; index++) {
    const code = attributes.charCodeAt(index);
    if (open !== 0) {
      if (code === open) open = 0;
    } else if (code === 0x22 || code === 0x27) {
      open = code;
    }
  }
  return open === 0;
}
