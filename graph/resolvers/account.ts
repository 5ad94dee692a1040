import type { AccountOrder, BalanceView, EffectiveLimits, Failure } from '../../actors/account/index.ts';
import { isTerminal } from '../../actors/account/index.ts';
import { requireScope, requireUser } from '../authorization.ts';
import { pageByKey } from '../connection.ts';
import { badInput, ErrorCode, graphError, refusal } from '../errors.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { parseOrderId } from './orders.ts';

/** Largest page of orders (the account keeps its open and recent closed orders). */
export const MAX_ORDERS_PAGE = 500;

/**
 * The signed-in account's own data. The account comes from the principal only, never from an
 * argument, so these fields cannot show another user's balances or orders.
 */
export const accountResolvers: Resolvers = {
  Query: {
    me: (_root, _args, ctx) => requireUser(ctx),
    balances: async (_root, _args, ctx) => {
      const { account } = requireScope(ctx, 'read');
      return (await ctx.services.ask(`account/${account}`, 'balances', {})) as BalanceView[];
    },
    orders: async (_root, { filter, first, after }, ctx) => {
      const { account } = requireScope(ctx, 'read');
      const address = `account/${account}`;
      const [open, closed] = (await Promise.all([
        ctx.services.ask(address, 'orders', { open: true }),
        ctx.services.ask(address, 'orders', { open: false }),
      ])) as [AccountOrder[], AccountOrder[]];
      const statuses = filter?.status ? new Set<string>(filter.status) : undefined;
      const all = [...open, ...closed]
        .filter((o) => !statuses || statuses.has(o.status))
        .filter((o) => !filter?.market || o.market === filter.market)
        .filter((o) => filter?.open == null || filter.open === !isTerminal(o.status))
        .sort((a, b) => b.id - a.id);
      return pageByKey(all, (o) => o.id, 'o', { first, after }, MAX_ORDERS_PAGE);
    },
    myRiskLimits: async (_root, _args, ctx) => {
      const { account } = requireScope(ctx, 'read');
      return (await ctx.services.ask(`account/${account}`, 'limits', {})) as EffectiveLimits;
    },
    order: async (_root, { id, clientOrderId }, ctx) => {
      const { account } = requireScope(ctx, 'read');
      if ((id == null) === (clientOrderId == null)) {
        throw graphError(ErrorCode.BAD_USER_INPUT, 'Give exactly one of id and clientOrderId.');
      }
      const payload =
        id != null ? { orderId: parseOrderId(id) } : { clientOrderId: clientOrderId!.slice(0, 64) };
      return (await ctx.services.ask(`account/${account}`, 'order', payload)) as AccountOrder | null;
    },
  },
  Mutation: {
    setMyRiskLimits: async (_root, { input }, ctx) => {
      const { account } = requireScope(ctx, 'trade');
      if (input && !(Number.isSafeInteger(input.maxOpenOrders) && input.maxOpenOrders >= 1)) {
        throw badInput('maxOpenOrders must be a whole number of at least 1', 'maxOpenOrders');
      }
      const limits = input
        ? { maxNotional: input.maxOrderNotional, maxOpenOrders: input.maxOpenOrders }
        : null;
      const result = (await ctx.services.ask(`account/${account}`, 'setOwnLimits', { limits })) as
        { ok: true; limits: EffectiveLimits } | Failure;
      if (!result.ok) throw refusal(result);
      return result.limits;
    },
  },
  RiskLimits: {
    maxOrderNotional: (l) => l.maxNotional,
    exchangeMaxOrderNotional: (l) => l.exchangeMaxNotional,
  },
  User: {
    id: (p) => p.userId,
    account: (p) => String(p.account),
    roles: (p) => p.roles.map((r) => r.toUpperCase() as 'USER' | 'ADMIN' | 'SRE'),
    mfaEnabled: (p) => p.mfa,
    email: async (p, _a, ctx) => (await userRecord(ctx, p.userId)).email,
    createdAt: async (p, _a, ctx) => (await userRecord(ctx, p.userId)).createdAt,
  },
};

async function userRecord(
  ctx: Parameters<typeof requireUser>[0],
  userId: string,
): Promise<{ email: string; createdAt: number }> {
  const users = ctx.services.users;
  if (!users) throw graphError(ErrorCode.UNAVAILABLE, 'The user directory is not connected to this gateway.');
  const record = await users.get(userId);
  if (!record) throw graphError(ErrorCode.NOT_FOUND, 'This user no longer exists.');
  return record;
}
