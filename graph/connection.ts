import { badInput } from './errors.ts';

/**
 * Relay connections over lists ordered by a numeric key (newest first). Cursors are opaque to
 * clients (base64url of a tagged key) but checked on the way back in, so a forged cursor is a
 * BAD_USER_INPUT, not a crash.
 */

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  readonly pageInfo: {
    readonly hasNextPage: boolean;
    readonly hasPreviousPage: boolean;
    readonly startCursor: string | null;
    readonly endCursor: string | null;
  };
}

export function encodeCursor(tag: string, key: number | string): string {
  return Buffer.from(`${tag}:${key}`).toString('base64url');
}

export function decodeCursor(tag: string, cursor: string): number {
  const text = /^[A-Za-z0-9_-]{1,64}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString() : '';
  const match = /^([a-z]+):(-?\d{1,16})$/.exec(text);
  const key = match ? Number(match[2]) : NaN;
  if (!match || match[1] !== tag || !Number.isSafeInteger(key))
    throw badInput('after: not a cursor of this list', 'after');
  return key;
}

export function checkFirst(first: number | null | undefined, max: number, fallback: number): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > max) throw badInput(`first must be from 1 to ${max}`, 'first');
  return n;
}

/**
 * One page of `items` (already ordered, newest first, by a key decreasing along the list): the
 * items after the cursor's key, at most `first`.
 */
export function pageByKey<T>(
  items: readonly T[],
  keyOf: (item: T) => number,
  tag: string,
  args: { first?: number | null; after?: string | null },
  max: number,
): Connection<T> {
  const first = checkFirst(args.first, max, Math.min(50, max));
  const after = args.after ? decodeCursor(tag, args.after) : undefined;
  const rest = after === undefined ? items : items.filter((item) => keyOf(item) < after);
  const page = rest.slice(0, first);
  const edges = page.map((node) => ({ cursor: encodeCursor(tag, keyOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rest.length > first,
      hasPreviousPage: after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
