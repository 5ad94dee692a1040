/**
 * Append-only UTF-8 storage for many small texts, in large shared chunks.
 *
 * A text is kept as a position (`ref`) and a byte length, both plain numbers. Compared with one
 * `Buffer` per text this saves the allocation of a buffer object per text, and leaves the garbage
 * collector nothing to walk or track but a few chunk objects: a journal of millions of events sits
 * outside the JavaScript heap, and its index is arrays of numbers.
 */
/** Refs are `chunk index × CHUNK_BYTES + offset`; no shared chunk is larger. */
const CHUNK_BYTES = 8 * 1024 * 1024;
/** The first chunk: small, since most journals (a test's) hold little; each next one doubles. */
const FIRST_CHUNK_BYTES = 64 * 1024;
/** UTF-8 takes at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 bytes for 2 units). */
const MAX_BYTES_PER_UNIT = 3;

export class TextArena {
  readonly #chunks: Buffer[] = [];
  #current: Buffer | undefined;
  /** Index of `#current` in `#chunks` (large texts' own chunks may come after it). */
  #currentIndex = 0;
  #offset = 0;

  /** Byte length of the text the last `put` stored. */
  lastBytes = 0;

  /**
   * Stores the text; returns its position. Read it back with `text(ref, lastBytes)` (the length is
   * a field, not part of the result, so a put allocates nothing on the heap).
   */
  put(text: string): number {
    const worst = text.length * MAX_BYTES_PER_UNIT;
    if (worst > CHUNK_BYTES / 8) {
      // A large text (a snapshot-sized event) gets a chunk of its own, so chunks stay dense.
      const own = Buffer.from(text, 'utf8');
      this.#chunks.push(own);
      this.lastBytes = own.length;
      return (this.#chunks.length - 1) * CHUNK_BYTES;
    }
    if (this.#current === undefined || this.#offset + worst > this.#current.length) {
      const doubled = this.#current === undefined ? FIRST_CHUNK_BYTES : this.#current.length * 2;
      const size = Math.min(CHUNK_BYTES, Math.max(doubled, worst));
      this.#current = Buffer.allocUnsafe(size);
      this.#currentIndex = this.#chunks.push(this.#current) - 1;
      this.#offset = 0;
    }
    const ref = this.#currentIndex * CHUNK_BYTES + this.#offset;
    const bytes = this.#current.write(text, this.#offset, 'utf8');
    this.#offset += bytes;
    this.lastBytes = bytes;
    return ref;
  }

  text(ref: number, bytes: number): string {
    const chunk = this.#chunks[Math.floor(ref / CHUNK_BYTES)]!;
    const start = ref % CHUNK_BYTES;
    return chunk.toString('utf8', start, start + bytes);
  }
}
