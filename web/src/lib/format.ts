/**
 * Decimal strings as the gateway sends them (money is never a float here): formatting pads or
 * trims to the market's decimals without converting through Number.
 */

/** Decimals implied by a tick or lot size such as "0.01" (2) or "1" (0). */
export function decimalsOf(step: string): number {
  const dot = step.indexOf('.');
  return dot < 0 ? 0 : step.length - dot - 1;
}

/** `value` with exactly `decimals` places (truncating, never rounding up money). */
export function fixed(value: string, decimals: number): string {
  const negative = value.startsWith('-');
  const digits = negative ? value.slice(1) : value;
  const [whole = '0', fraction = ''] = digits.split('.');
  const body = decimals > 0 ? `${whole}.${fraction.padEnd(decimals, '0').slice(0, decimals)}` : whole;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/** Thousands separators on the whole part. */
export function grouped(value: string): string {
  const [whole = '', fraction] = value.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const withCommas = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? `${sign}${withCommas}` : `${sign}${withCommas}.${fraction}`;
}

/** Price as the market shows it: its tick's decimals, grouped. */
export function price(value: string, tickSize: string): string {
  return grouped(fixed(value, decimalsOf(tickSize)));
}

/** Size as the market shows it: its lot's decimals. */
export function size(value: string, lotSize: string): string {
  return grouped(fixed(value, decimalsOf(lotSize)));
}

/** A multiple of `step` (both decimal strings)? Exact, by scaling to integers. */
export function isMultipleOf(value: string, step: string): boolean {
  const places = Math.max(decimalsOf(value), decimalsOf(step));
  const scale = (text: string) => BigInt(fixed(text, places).replace('.', ''));
  const s = scale(step);
  return s > 0n && scale(value) % s === 0n;
}

/** A positive decimal string, as the gateway's Decimal scalar accepts. */
export function isDecimal(text: string): boolean {
  return /^\d{1,20}(\.\d{1,18})?$/.test(text) && /[1-9]/.test(text);
}

/** Local time hh:mm:ss for tapes and tables. */
export function time(iso: string): string {
  const d = new Date(iso);
  return d.toLocaleTimeString(undefined, { hour12: false });
}
