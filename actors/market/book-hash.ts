/**
 * Canonical form of a book snapshot and its digest. Canonical JSON here means: object keys in
 * sorted (code unit) order at every depth, `undefined` members left out, arrays in their own
 * order, numbers and strings as `JSON.stringify` writes them. Two books with equal snapshots
 * therefore hash equal whatever order their objects' keys were created in.
 *
 * `snapshotHash` streams the canonical text into the digest in chunks and writes resting orders
 * and stops with fixed templates (their sorted keys are known), falling back to the generic
 * `canonicalJson` for any object of another shape, so the digest is always that of
 * `canonicalJson(snapshot)`, but a book of a million orders hashes in about a second, not tens.
 */

import { createHash, type Hash } from 'node:crypto';

import type { BookSnapshot, RestingOrder, WaitingStop } from './types.ts';

/** Serialises plain JSON data with sorted keys. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += value[i] === undefined ? 'null' : canonicalJson(value[i]);
    }
    return out + ']';
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += JSON.stringify(key) + ':' + canonicalJson(member);
  }
  return out + '}';
}

/** sha256 hex digest of the snapshot's canonical JSON (`canonicalJson(snapshot)`). */
export function snapshotHash(snapshot: BookSnapshot): string {
  const record = snapshot as unknown as Record<string, unknown>;
  if (!hasExactly(record, SNAPSHOT_KEYS)) {
    return createHash('sha256').update(canonicalJson(snapshot)).digest('hex');
  }
  const hash = createHash('sha256');
  hash.update(`{"config":${canonicalJson(snapshot.config)},"lastPrice":${canonicalJson(snapshot.lastPrice)}`);
  hash.update(',"orders":');
  writeArray(hash, snapshot.orders, ORDER_KEYS, restingJson);
  hash.update(`,"seq":${canonicalJson(snapshot.seq)},"status":${canonicalJson(snapshot.status)}`);
  hash.update(',"stops":');
  writeArray(hash, snapshot.stops, STOP_KEYS, stopJson);
  hash.update('}');
  return hash.digest('hex');
}

const SNAPSHOT_KEYS = ['config', 'lastPrice', 'orders', 'seq', 'status', 'stops'] as const;
const ORDER_KEYS = [
  'acceptedSeq',
  'account',
  'orderId',
  'postOnly',
  'price',
  'side',
  'size',
  'stp',
  'stpGroup',
] as const;
const STOP_KEYS = [
  'acceptedSeq',
  'account',
  'orderId',
  'orderType',
  'price',
  'side',
  'size',
  'stopPrice',
  'stp',
  'stpGroup',
] as const;
const CHUNK = 4096;

/** Whether `value` has exactly these own enumerable keys, none undefined. */
function hasExactly(value: Record<string, unknown>, keys: readonly string[]): boolean {
  let count = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) return false;
    count++;
  }
  if (count !== keys.length) return false;
  for (const key of keys) if (value[key] === undefined) return false;
  return true;
}

/** Whether every member is a finite number, a string or a boolean (what the templates write). */
function plain(value: Record<string, unknown>, keys: readonly string[]): boolean {
  for (const key of keys) {
    const member = value[key];
    if (typeof member === 'number') {
      if (!Number.isFinite(member)) return false;
    } else if (typeof member !== 'string' && typeof member !== 'boolean') return false;
  }
  return true;
}

function writeArray<T>(
  hash: Hash,
  items: readonly T[] | unknown,
  keys: readonly string[],
  template: (item: T) => string,
): void {
  if (!Array.isArray(items)) {
    hash.update(canonicalJson(items));
    return;
  }
  let chunk = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) chunk += ',';
    const item = items[i] as unknown;
    const record = item as Record<string, unknown>;
    if (item !== null && typeof item === 'object' && hasExactly(record, keys) && plain(record, keys)) {
      chunk += template(item as T);
    } else chunk += item === undefined ? 'null' : canonicalJson(item);
    if (i % CHUNK === CHUNK - 1) {
      hash.update(chunk);
      chunk = '';
    }
  }
  hash.update(chunk + ']');
}

function restingJson(o: RestingOrder): string {
  return (
    `{"acceptedSeq":${o.acceptedSeq},"account":${o.account},"orderId":${o.orderId},` +
    `"postOnly":${o.postOnly},"price":${o.price},"side":${JSON.stringify(o.side)},` +
    `"size":${o.size},"stp":${JSON.stringify(o.stp)},"stpGroup":${o.stpGroup}}`
  );
}

function stopJson(s: WaitingStop): string {
  return (
    `{"acceptedSeq":${s.acceptedSeq},"account":${s.account},"orderId":${s.orderId},` +
    `"orderType":${JSON.stringify(s.orderType)},` +
    `"price":${s.price},"side":${JSON.stringify(s.side)},"size":${s.size},"stopPrice":${s.stopPrice},` +
    `"stp":${JSON.stringify(s.stp)},"stpGroup":${s.stpGroup}}`
  );
}
