import type { SessionUser } from '$lib/api/session.svelte.ts';

/**
 * Who may use the admin panel: role ADMIN and a session that passed MFA (the gateway checks both
 * on every field; this only decides what the page shows). The access token's `mfa` claim says
 * whether this session's login gave a TOTP code.
 */
export type AdminAccess = 'anonymous' | 'not-admin' | 'no-mfa' | 'ok';

export function isAdmin(roles: readonly string[]): boolean {
  return roles.some((role) => role.toUpperCase() === 'ADMIN');
}

/** The `mfa` claim of a JWT access token (false when it cannot be read). */
export function tokenPassedMfa(token: string | null): boolean {
  const payload = token?.split('.')[1];
  if (!payload) return false;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    return (JSON.parse(json) as { mfa?: unknown }).mfa === true;
  } catch {
    return false;
  }
}

export function adminAccess(user: SessionUser | null, token: string | null): AdminAccess {
  if (!user || !token) return 'anonymous';
  if (!isAdmin(user.roles)) return 'not-admin';
  return tokenPassedMfa(token) ? 'ok' : 'no-mfa';
}

/** A reason the gateway accepts: 3 to 500 characters once trimmed. */
export function validReason(reason: string): boolean {
  const n = reason.trim().length;
  return n >= 3 && n <= 500;
}
