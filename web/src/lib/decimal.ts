/**
 * Exact decimal arithmetic on strings (money is never a float): values are scaled to BigInt
 * integers, combined, and printed back. Enough for totals, notionals, spreads and fee estimates.
 */

const PATTERN = /^(-)?(\d+)(?:\.(\d+))?$/;

/** `text` as an integer scaled by 10^places (extra places truncated toward zero); null if not a decimal. */
export function scaled(text: string, places: number): bigint | null {
  const m = PATTERN.exec(text.trim());
  if (!m) return null;
  const [, minus, whole = '0', fraction = ''] = m;
  const digits = whole + fraction.padEnd(places, '0').slice(0, places);
  const value = BigInt(digits);
  return minus ? -value : value;
}

/** Decimal places written in `text` ("1.50" has 2). */
export function placesOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** An integer scaled by 10^places back to a decimal string, trailing zeros trimmed. */
export function unscaled(value: bigint, places: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = places > 0 ? digits.slice(digits.length - places).replace(/0+$/, '') : '';
  const body = fraction ? `${whole}.${fraction}` : whole;
  return negative && body !== '0' ? `-${body}` : body;
}

function need(text: string, places: number): bigint {
  const v = scaled(text, places);
  if (v === null) throw new Error(`not a decimal: ${JSON.stringify(text)}`);
  return v;
}

/** Canonical form: no trailing fraction zeros, no leading zeros ("065.10" -> "65.1"). */
export function normalize(text: string): string {
  const p = placesOf(text);
  return unscaled(need(text, p), p);
}

export function add(a: string, b: string): string {
  const p = Math.max(placesOf(a), placesOf(b));
  return unscaled(need(a, p) + need(b, p), p);
}

export function sub(a: string, b: string): string {
  const p = Math.max(placesOf(a), placesOf(b));
  return unscaled(need(a, p) - need(b, p), p);
}

export function mul(a: string, b: string): string {
  const pa = placesOf(a);
  const pb = placesOf(b);
  return unscaled(need(a, pa) * need(b, pb), pa + pb);
}

/** -1, 0 or 1. */
export function cmp(a: string, b: string): number {
  const p = Math.max(placesOf(a), placesOf(b));
  const d = need(a, p) - need(b, p);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

export function isZero(a: string): boolean {
  return cmp(a, '0') === 0;
}

/**
 * `a` × bps / 10,000 with at most `places` decimals, rounded away from zero (a fee estimate
 * never understates what is charged).
 */
export function mulBps(a: string, bps: number, places: number): string {
  if (!Number.isInteger(bps)) throw new Error('bps must be an integer');
  const pa = placesOf(a);
  // value = need(a) * bps / (10^pa * 10^4); express with `places` decimals.
  const numerator = need(a, pa) * BigInt(bps) * 10n ** BigInt(places);
  const denominator = 10n ** BigInt(pa + 4);
  let q = numerator / denominator;
  const r = numerator % denominator;
  if (r !== 0n) q += numerator < 0n ? -1n : 1n;
  return unscaled(q, places);
}

/** a / b with `places` decimals, truncated toward zero; null when b is zero. */
export function div(a: string, b: string, places: number): string | null {
  const p = Math.max(placesOf(a), placesOf(b));
  const bv = need(b, p);
  if (bv === 0n) return null;
  return unscaled((need(a, p) * 10n ** BigInt(places)) / bv, places);
}

/** a / b as a float ratio, for display only (depth bar widths); 0 when b is zero. */
export function ratio(a: string, b: string): number {
  const p = Math.max(placesOf(a), placesOf(b));
  const bv = need(b, p);
  if (bv === 0n) return 0;
  return Number((need(a, p) * 1_000_000n) / bv) / 1_000_000;
}
