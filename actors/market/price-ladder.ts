/**
 * One side of the fast book: price levels directly indexed by price, in chunks of
 * `CHUNK_TICKS` consecutive ticks. A chunk holds a slot per tick (the level at that price, or
 * null) and a bitset of its non-empty levels; the chunks themselves sit in a short array sorted
 * worst to best (bids ascending, asks descending), found by key through an `IntMap`. So placing
 * an order at a price is a chunk lookup and an array index (no search, no shifting of levels),
 * and the next best level after the best empties is found by scanning the bitset a word (32
 * ticks) at a time, then the next chunk. Prices may be any positive safe integers: a far price
 * only costs one more chunk. The best level is cached. Each level chains its orders (slots of
 * the `OrderStore`) in time order through the store's `prev`/`next` links and keeps its total
 * open lots and order count, so depth queries never walk orders; an order's level is found from
 * its price. Emptied levels stay in their slot to be reused by the next order at their price; a
 * chunk with no live level is dropped once empty chunks outnumber live ones (memory stays
 * bounded, and the top of the book churning across a chunk boundary does not reallocate
 * chunks).
 */

import { NO_ORDER, type OrderStore } from './book-order.ts';
import { IntMap } from './int-map.ts';

const CHUNK_BITS = 12;
/** Ticks per chunk. */
const CHUNK_TICKS = 1 << CHUNK_BITS;
const CHUNK_WORDS = CHUNK_TICKS >>> 5;

export class PriceLevel {
  /** Total open lots of the level's orders. */
  size = 0;
  count = 0;
  /** First and last order (store slots), or NO_ORDER. */
  head = NO_ORDER;
  tail = NO_ORDER;

  constructor(
    readonly price: number,
    /** The chunk holding this level and its slot there. */
    readonly chunk: Chunk,
    readonly slot: number,
  ) {}

  /** Appends an order at the back of the time queue. */
  append(orders: OrderStore, order: number): void {
    const tail = this.tail;
    orders.next[order] = NO_ORDER;
    orders.prev[order] = tail;
    if (tail === NO_ORDER) this.head = order;
    else orders.next[tail] = order;
    this.tail = order;
    this.size += orders.size[order]!;
    this.count++;
  }

  /** Unlinks an order of this level; its open lots leave the level's total. */
  unlink(orders: OrderStore, order: number): void {
    const prev = orders.prev[order]!;
    const next = orders.next[order]!;
    if (prev === NO_ORDER) this.head = next;
    else orders.next[prev] = next;
    if (next === NO_ORDER) this.tail = prev;
    else orders.prev[next] = prev;
    this.size -= orders.size[order]!;
    this.count--;
  }
}

/** `CHUNK_TICKS` consecutive prices from `base`. */
export class Chunk {
  readonly slots: (PriceLevel | null)[] = new Array<PriceLevel | null>(CHUNK_TICKS).fill(null);
  /** Bit `slot` set when the level in that slot has orders. */
  readonly bits = new Int32Array(CHUNK_WORDS);
  /** Levels with orders. */
  live = 0;

  constructor(
    /** Chunk number: floor(price / CHUNK_TICKS). */
    readonly key: number,
    readonly base: number,
  ) {}

  /** Highest slot < `slot` with a live level, or -1. */
  highestBelow(slot: number): number {
    const bits = this.bits;
    let w = slot >> 5;
    const b = slot & 31;
    if (b !== 0) {
      const x = bits[w]! & ((1 << b) - 1);
      if (x !== 0) return (w << 5) + 31 - Math.clz32(x);
    }
    for (w--; w >= 0; w--) {
      const x = bits[w]!;
      if (x !== 0) return (w << 5) + 31 - Math.clz32(x);
    }
    return -1;
  }

  /** Lowest slot > `slot` with a live level, or -1 (`slot` may be -1). */
  lowestAbove(slot: number): number {
    const bits = this.bits;
    const from = slot + 1;
    let w = from >> 5;
    if (w >= CHUNK_WORDS) return -1;
    const b = from & 31;
    let x = bits[w]! & (-1 << b);
    for (;;) {
      if (x !== 0) return (w << 5) + 31 - Math.clz32(x & -x);
      if (++w >= CHUNK_WORDS) return -1;
      x = bits[w]!;
    }
  }
}

export class PriceLadder {
  /** Chunks sorted worst to best: bids ascending, asks descending. */
  private readonly chunks: Chunk[] = [];
  /** Chunks by key + 1 (IntMap keys are positive). */
  private readonly byKey = new IntMap<Chunk>(16);
  /** The chunk of the last lookup (most orders land in the same chunk). */
  private lastChunk: Chunk | null = null;
  private bestLevel: PriceLevel | undefined = undefined;
  /** Chunks with no live level. */
  private emptyChunks = 0;

  constructor(
    readonly isBid: boolean,
    private readonly orders: OrderStore,
  ) {}

  /** The best level, or undefined when the side is empty. */
  best(): PriceLevel | undefined {
    return this.bestLevel;
  }

  /** The next worse level with orders after `level` (a level with orders), or undefined. */
  worse(level: PriceLevel): PriceLevel | undefined {
    const chunk = level.chunk;
    if (this.isBid) {
      const slot = chunk.highestBelow(level.slot);
      if (slot >= 0) return chunk.slots[slot]!;
    } else {
      const slot = chunk.lowestAbove(level.slot);
      if (slot >= 0) return chunk.slots[slot]!;
    }
    return this.worseFromChunk(chunk);
  }

  /** The best live level of the chunks worse than `chunk`, or undefined. */
  private worseFromChunk(chunk: Chunk): PriceLevel | undefined {
    const chunks = this.chunks;
    let i = chunks.indexOf(chunk) - 1;
    for (; i >= 0; i--) {
      const c = chunks[i]!;
      if (c.live === 0) continue;
      const slot = this.isBid ? c.highestBelow(CHUNK_TICKS) : c.lowestAbove(-1);
      return c.slots[slot]!;
    }
    return undefined;
  }

  /** Rests an order at the back of its price's level, creating the level if needed. */
  add(order: number): void {
    const price = this.orders.price[order]!;
    let chunk = this.lastChunk;
    let slot = chunk === null ? -1 : price - chunk.base;
    if (slot < 0 || slot >= CHUNK_TICKS) {
      chunk = this.chunkOf(price);
      slot = price - chunk.base;
    }
    let level = chunk!.slots[slot]!;
    if (level === null) level = this.newLevel(chunk!, slot, price);
    if (level.count === 0) this.revive(level);
    level.append(this.orders, order);
  }

  /** The level of a price that has orders (an order resting at that price has one). */
  levelAt(price: number): PriceLevel {
    let chunk = this.lastChunk;
    if (chunk === null || price < chunk.base || price >= chunk.base + CHUNK_TICKS) {
      chunk = this.byKey.get(Math.floor(price / CHUNK_TICKS) + 1)!;
      this.lastChunk = chunk;
    }
    return chunk.slots[price - chunk.base]!;
  }

  /** The chunk of `price`, created if needed; becomes `lastChunk`. */
  private chunkOf(price: number): Chunk {
    const key = Math.floor(price / CHUNK_TICKS);
    const chunk = this.byKey.get(key + 1) ?? this.createChunk(key);
    this.lastChunk = chunk;
    return chunk;
  }

  private newLevel(chunk: Chunk, slot: number, price: number): PriceLevel {
    const level = new PriceLevel(price, chunk, slot);
    chunk.slots[slot] = level;
    return level;
  }

  /** Marks an empty level live (it is about to get an order). */
  private revive(level: PriceLevel): void {
    const chunk = level.chunk;
    const slot = level.slot;
    chunk.bits[slot >> 5]! |= 1 << (slot & 31);
    if (chunk.live++ === 0) this.emptyChunks--;
    const best = this.bestLevel;
    if (best === undefined || (this.isBid ? level.price > best.price : level.price < best.price)) {
      this.bestLevel = level;
    }
  }

  /** Takes a resting order out of the side, retiring its level when it empties. */
  remove(order: number): void {
    const level = this.levelAt(this.orders.price[order]!);
    level.unlink(this.orders, order);
    if (level.count === 0) this.dropLevel(level);
  }

  /** Retires a level that has just become empty. */
  private dropLevel(level: PriceLevel): void {
    const chunk = level.chunk;
    const slot = level.slot;
    if (level === this.bestLevel) this.bestLevel = this.worseThanEmptied(level);
    chunk.bits[slot >> 5]! &= ~(1 << (slot & 31));
    if (--chunk.live === 0 && ++this.emptyChunks > 4 && this.emptyChunks * 2 > this.chunks.length) {
      this.sweep();
    }
  }

  /** `worse` for a level whose bit is still set (it has just emptied). */
  private worseThanEmptied(level: PriceLevel): PriceLevel | undefined {
    const chunk = level.chunk;
    const slot = this.isBid ? chunk.highestBelow(level.slot) : chunk.lowestAbove(level.slot);
    if (slot >= 0) return chunk.slots[slot]!;
    return this.worseFromChunk(chunk);
  }

  private createChunk(key: number): Chunk {
    const chunk = new Chunk(key, key * CHUNK_TICKS);
    this.byKey.set(key + 1, chunk);
    const chunks = this.chunks;
    // Worst to best: bids ascending keys, asks descending.
    let at = chunks.length;
    while (at > 0 && (this.isBid ? chunks[at - 1]!.key > key : chunks[at - 1]!.key < key)) at--;
    chunks.splice(at, 0, chunk);
    this.emptyChunks++;
    return chunk;
  }

  /** Drops the chunks with no live level. */
  private sweep(): void {
    const chunks = this.chunks;
    let kept = 0;
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i]!;
      if (chunk.live === 0) {
        this.byKey.delete(chunk.key + 1);
        if (this.lastChunk === chunk) this.lastChunk = null;
      } else chunks[kept++] = chunk;
    }
    chunks.length = kept;
    this.emptyChunks = 0;
  }
}
