/** Most texts one interner keeps: a column of junk must not grow memory. */
const LIMIT = 4096;
/** Slots of the open-addressing table: twice the texts, a power of two. */
const SLOTS = 2 * LIMIT;

/**
 * The texts of one column, kept by their bytes: a value read again is found by a hash of its
 * bytes in a table of numbers (no string, no map entry, nothing allocated per row) and comes back
 * as the same string, with a small number of its own (its id, in the order first met). Keeps up
 * to 4096 texts; past that, {@link add} keeps no more.
 *
 * @example
 * ```ts
 * import { TextInterner } from 'loneliness-scales/batch/internal';
 * const interner = new TextInterner();
 * const bytes = new TextEncoder().encode('Gent,Gent');
 * interner.find(bytes, 0, 4); // -1
 * interner.add(bytes, 0, 4, 'Gent'); // 0
 * interner.find(bytes, 5, 9); // 0
 * interner.texts[0]; // 'Gent'
 * ```
 */
export class TextInterner {
  /** Per slot, a text's id + 1, or 0 when empty. */
  private readonly slots = new Int32Array(SLOTS);
  private readonly hashes = new Int32Array(LIMIT);
  private readonly starts = new Int32Array(LIMIT);
  private readonly lengths = new Int32Array(LIMIT);
  private pool = new Uint8Array(1024);
  private poolSize = 0;
  /** The slot where the last text {@link find} did not find would go. */
  private freeSlot = -1;
  private lastHash = 0;
  /** The texts kept, by id. */
  readonly texts: string[] = [];

  /** The id of the text of `bytes[start, end)`, or -1 when it is not kept. */
  find(bytes: Uint8Array, start: number, end: number): number {
    let hash = 0x811c9dc5 | 0;
    for (let index = start; index < end; index++) hash = Math.imul(hash ^ (bytes[index] as number), 0x01000193);
    const { slots, hashes, lengths, starts, pool } = this;
    const length = end - start;
    for (let slot = hash & (SLOTS - 1); ; slot = (slot + 1) & (SLOTS - 1)) {
      const entry = (slots[slot] as number) - 1;
      if (entry === -1) {
        this.freeSlot = slot;
        this.lastHash = hash;
        return -1;
      }
      if (hashes[entry] === hash && lengths[entry] === length) {
        const at = starts[entry] as number;
        let same = true;
        for (let index = 0; index < length; index++) {
          if (pool[at + index] !== bytes[start + index]) {
            same = false;
            break;
          }
        }
        if (same) return entry;
      }
    }
  }

  /** Keeps the text of `bytes[start, end)`, which {@link find} just did not find, and returns its id; -1 when full. */
  add(bytes: Uint8Array, start: number, end: number, text: string): number {
    const id = this.texts.length;
    if (id >= LIMIT || this.freeSlot === -1) return -1;
    const length = end - start;
    if (this.poolSize + length > this.pool.length) {
      const grown = new Uint8Array(Math.max(2 * this.pool.length, this.poolSize + length));
      grown.set(this.pool.subarray(0, this.poolSize));
      this.pool = grown;
    }
    this.pool.set(bytes.subarray(start, end), this.poolSize);
    this.starts[id] = this.poolSize;
    this.lengths[id] = length;
    this.hashes[id] = this.lastHash;
    this.poolSize += length;
    this.slots[this.freeSlot] = id + 1;
    this.freeSlot = -1;
    this.texts.push(text);
    return id;
  }
}
