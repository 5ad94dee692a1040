import type { GraphContext, Principal, Scope } from './context.ts';
import { ErrorCode, graphError } from './errors.ts';

/**
 * Field-level authorisation. Every resolver that reads or moves a user's data starts with one of
 * these and then uses only `principal.account`: an account id never comes from arguments, so one
 * user cannot name another's orders or balances.
 */

export function requireUser(ctx: GraphContext): Principal {
  if (!ctx.principal) throw graphError(ErrorCode.UNAUTHENTICATED, 'Sign in (or use an API key) to do this.');
  return ctx.principal;
}

export function requireScope(ctx: GraphContext, scope: Scope): Principal {
  const principal = requireUser(ctx);
  if (!principal.scopes.includes(scope)) {
    throw graphError(ErrorCode.FORBIDDEN, `This credential lacks the "${scope}" scope.`, { scope });
  }
  return principal;
}

/** Admin commands need the admin role and a session that passed MFA. */
export function requireAdmin(ctx: GraphContext): Principal {
  const principal = requireUser(ctx);
  if (!principal.roles.includes('admin')) throw graphError(ErrorCode.FORBIDDEN, 'Admins only.');
  if (!principal.mfa) throw graphError(ErrorCode.FORBIDDEN, 'Admin commands need a session that passed MFA.');
  return principal;
}

/**
 * The SRE surface (actor tree, detail, SRE verbs) needs role `sre` or `admin` and, like admin
 * commands, a session that passed MFA: restarting or pausing actors is as sensitive as any admin
 * command. Which verbs a role may use is decided again by the runtime's `roleAuthorizer`.
 */
export function requireOperator(ctx: GraphContext): Principal {
  const principal = requireUser(ctx);
  if (!principal.roles.includes('admin') && !principal.roles.includes('sre')) {
    throw graphError(ErrorCode.FORBIDDEN, 'SREs and admins only.');
  }
  if (!principal.mfa) throw graphError(ErrorCode.FORBIDDEN, 'SRE commands need a session that passed MFA.');
  return principal;
}
