/**
 * Admin verbs: supervisory commands to actors. Each is authorised for a principal and written to
 * the audit log before it runs; a denied command is audited too.
 */

export const AdminVerb = {
  /** Hold new messages in the mailbox (admin verbs still run). */
  pause: 'pause',
  /** Lift pause and freeze. */
  resume: 'resume',
  /** Rebuild the actor from snapshot + journal. */
  restart: 'restart',
  /** Write a snapshot now. */
  snapshot: 'snapshot',
  /** State summary and measurements. */
  inspect: 'inspect',
  /** Refuse new work with ACTOR_FROZEN until resumed. */
  freeze: 'freeze',
  /** Send one of the actor's own messages as an admin (halt a market, open one). */
  send: 'send',
} as const;
export type AdminVerb = (typeof AdminVerb)[keyof typeof AdminVerb];

export function isAdminVerb(value: unknown): value is AdminVerb {
  return typeof value === 'string' && Object.hasOwn(AdminVerb, value);
}

export interface Principal {
  readonly id: string;
  readonly roles: readonly string[];
}

export interface AdminCommand {
  readonly verb: AdminVerb;
  /** Actor address. */
  readonly target: string;
  /** Why, in the operator's words; kept in the audit log. */
  readonly reason: string;
  /** For `send`: the message, validated against the actor's protocol. */
  readonly message?: { readonly type: string; readonly payload: unknown };
}

export type Authorizer = (principal: Principal, verb: AdminVerb, target: string) => boolean;

const SRE_VERBS: ReadonlySet<AdminVerb> = new Set(['inspect', 'pause', 'resume', 'restart', 'snapshot']);

/**
 * Default policy: `admin` may do everything; `sre` may look and nurse (inspect, pause, resume,
 * restart, snapshot) but not freeze or send, which change a user's or a market's business;
 * nobody else may do anything.
 */
export const roleAuthorizer: Authorizer = (principal, verb) =>
  principal.roles.includes('admin') || (principal.roles.includes('sre') && SRE_VERBS.has(verb));
