import { grouped } from '$lib/format.ts';

/** Local date and time of an ISO instant, for admin tables. */
export function when(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { hour12: false });
}

/** A decimal string as is, grouped; a dash for null. */
export function dec(value: string | null | undefined): string {
  return value == null ? '—' : grouped(value);
}

/** A `datetime-local` input's value as the gateway's Timestamp (ISO), or undefined when empty. */
export function instant(local: string): string | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export const STATUS_LABEL: Record<string, string> = {
  OPEN: 'open',
  HALTED: 'halted',
  CANCEL_ONLY: 'cancel-only',
  POST_ONLY: 'post-only',
};
