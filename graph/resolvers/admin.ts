import { requireAdmin, requireOperator } from '../authorization.ts';
import { checkFirst, decodeCursor, encodeCursor, pageByKey } from '../connection.ts';
import type { AdminCommand, AdminService, GraphContext, Principal } from '../context.ts';
import { ErrorCode, graphError } from '../errors.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import type { ActorDetailModel, AuditEntryModel } from '../models.ts';
import { rolesOf } from '../authenticate.ts';
import { specOf } from './lookup.ts';

/** Audit records an auditLog query pages through (the newest). */
export const MAX_AUDIT_RECORDS = 1_000;
const MAX_USERS_PAGE = 500;
const MAX_REASON = 500;

/** Runtime refusals of an admin command, by the ActorError code, as the client's code. */
const ADMIN_REFUSALS: Readonly<Record<string, string>> = {
  ADMIN_UNAUTHORISED: ErrorCode.FORBIDDEN,
  UNKNOWN_ADMIN_VERB: ErrorCode.BAD_USER_INPUT,
  UNKNOWN_MESSAGE: ErrorCode.BAD_USER_INPUT,
  MALFORMED_MESSAGE: ErrorCode.BAD_USER_INPUT,
  INVALID_ADDRESS: ErrorCode.BAD_USER_INPUT,
  UNKNOWN_ACTOR_KIND: ErrorCode.BAD_USER_INPUT,
  MESSAGE_TOO_LARGE: ErrorCode.BAD_USER_INPUT,
};

/** Who may call: `requireAdmin`, or `requireOperator` (SRE or admin) for the SRE surface. */
type Gate = (ctx: GraphContext) => Principal;

export function adminOf(
  ctx: GraphContext,
  gate: Gate = requireAdmin,
): { principal: Principal; admin: AdminService } {
  const principal = gate(ctx);
  const admin = ctx.services.admin;
  if (!admin) throw graphError(ErrorCode.UNAVAILABLE, 'The admin path is not connected to this gateway.');
  return { principal, admin };
}

export function checkReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length < 3 || trimmed.length > MAX_REASON) {
    throw graphError(ErrorCode.BAD_USER_INPUT, `reason must be 3 to ${MAX_REASON} characters`, {
      field: 'reason',
    });
  }
  return trimmed;
}

/**
 * Runs one command through the audited admin path (the runtime authorises and records it: an SRE
 * gets only the SRE verbs of its `roleAuthorizer`, anything else is ADMIN_UNAUTHORISED, FORBIDDEN).
 */
export async function run(
  ctx: GraphContext,
  command: AdminCommand,
  gate: Gate = requireAdmin,
): Promise<unknown> {
  const { principal, admin } = adminOf(ctx, gate);
  try {
    return await admin.run(principal, { ...command, reason: checkReason(command.reason) });
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const mapped = typeof code === 'string' ? ADMIN_REFUSALS[code] : undefined;
    if (mapped) throw graphError(mapped, (error as Error).message, { reason: code });
    throw error;
  }
}

/** JSON text of runtime values (bigints as decimal strings). */
export function jsonText(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** A `send` whose reply must be accepted (`{ ok: true }` or a command reply without a reject). */
function checkAccepted(result: unknown): void {
  const reply = (result as { reply?: unknown } | null)?.reply as
    { ok?: unknown; code?: unknown; message?: unknown; rejected?: unknown } | undefined;
  if (reply && reply.ok === false) {
    throw graphError(String(reply.code ?? 'REFUSED'), String(reply.message ?? 'The actor refused.'));
  }
}

/** Halts or resumes a market through the audited admin path; answers the market. */
async function setMarketStatus(ctx: GraphContext, symbol: string, reason: string, status: 'HALTED' | 'OPEN') {
  const spec = specOf(ctx, symbol);
  checkAccepted(
    await run(ctx, {
      verb: 'send',
      target: `market/${symbol}`,
      reason,
      message: { type: 'setStatus', payload: { status } },
    }),
  );
  return spec;
}

function accountNumber(text: string): number {
  const n = /^\d{1,10}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < 1)
    throw graphError(ErrorCode.BAD_USER_INPUT, 'account must be an account number');
  return n;
}

/**
 * The admin surface: role `admin` and a session that passed MFA (`requireAdmin`); every command
 * carries a reason and goes through the runtime's admin path, which authorises it again and writes
 * it to the audit log before it runs.
 */
export const adminResolvers: Resolvers = {
  Query: {
    actorTree: async (_root, _args, ctx) => jsonText(await adminOf(ctx, requireOperator).admin.tree()),
    actorDetail: async (_root, { address, reason }, ctx) => {
      const result = (await run(
        ctx,
        { verb: 'inspect', target: address, reason: reason ?? 'GraphQL actorDetail' },
        requireOperator,
      )) as { detail?: ActorDetailModel } | null;
      return result?.detail ?? null;
    },
    auditLog: async (_root, { target, first, after }, ctx) => {
      const { admin } = adminOf(ctx);
      const records = await admin.audit({
        ...(target ? { target: target.slice(0, 200) } : {}),
        limit: MAX_AUDIT_RECORDS,
      });
      // Newest first; the key is the time in µs-like units made unique within one millisecond.
      const entries: AuditEntryModel[] = [];
      let previous = Number.POSITIVE_INFINITY;
      for (const record of records) {
        const key = Math.min(record.at.getTime() * 1_000 + 999, previous - 1);
        entries.push({ key, record });
        previous = key;
      }
      return pageByKey(entries, (e) => e.key, 'a', { first, after }, 500);
    },
    users: async (_root, { first, after }, ctx) => {
      requireAdmin(ctx);
      const store = ctx.services.auth?.store;
      if (!store) throw graphError(ErrorCode.UNAVAILABLE, 'Accounts are not connected to this gateway.');
      const limit = checkFirst(first, MAX_USERS_PAGE, 50);
      const afterAccount = after ? decodeCursor('u', after) : undefined;
      const found = await store.listUsers({
        limit: limit + 1,
        ...(afterAccount !== undefined ? { afterAccountNumber: afterAccount } : {}),
      });
      const edges = found.slice(0, limit).map((user) => ({
        cursor: encodeCursor('u', user.accountNumber),
        node: {
          userId: user.id,
          account: user.accountNumber,
          roles: rolesOf(user.roles),
          scopes: [],
          mfa: user.mfaEnabled,
        } satisfies Principal,
      }));
      return {
        edges,
        pageInfo: {
          hasNextPage: found.length > limit,
          hasPreviousPage: afterAccount !== undefined,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
      };
    },
  },
  Mutation: {
    actorCommand: async (_root, { input }, ctx) => {
      let message: AdminCommand['message'];
      if (input.messageType != null) {
        let payload: unknown = {};
        try {
          payload = input.payload == null ? {} : (JSON.parse(input.payload) as unknown);
        } catch {
          throw graphError(ErrorCode.BAD_USER_INPUT, 'payload must be JSON text', { field: 'payload' });
        }
        message = { type: input.messageType, payload };
      }
      const result = await run(
        ctx,
        { verb: input.verb, target: input.address, reason: input.reason, ...(message ? { message } : {}) },
        requireOperator,
      );
      return { ok: true, reply: jsonText(result) };
    },
    haltMarket: (_root, { symbol, reason }, ctx) => setMarketStatus(ctx, symbol, reason, 'HALTED'),
    resumeMarket: (_root, { symbol, reason }, ctx) => setMarketStatus(ctx, symbol, reason, 'OPEN'),
    freezeAccount: async (_root, { account, frozen, reason }, ctx) => {
      const n = accountNumber(account);
      checkAccepted(
        await run(ctx, {
          verb: 'send',
          target: `account/${n}`,
          reason,
          message: { type: 'setFrozen', payload: { frozen, reason: checkReason(reason) } },
        }),
      );
      return true;
    },
  },
  ActorDetail: {
    address: (d) => d.address,
    status: (d) => String(d.status),
    mailboxDepth: (d) => d.mailboxDepth,
    restarts: (d) => d.restarts,
    lastError: (d) => (d.lastError == null ? null : jsonText(d.lastError)),
    summary: (d) => jsonText(d.state),
  },
  AuditEntry: {
    id: (e) => String(e.key),
    at: (e) => e.record.at.getTime(),
    principal: (e) => e.record.principal,
    verb: (e) => e.record.verb,
    target: (e) => e.record.target,
    reason: (e) => e.record.reason,
    outcome: (e) => e.record.outcome,
    detail: (e) => (e.record.detail === undefined ? null : jsonText(e.record.detail)),
  },
};
