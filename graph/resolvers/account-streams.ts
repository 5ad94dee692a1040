import { accountSubjects } from '../../actors/account/index.ts';
import type { AccountFill, AccountOrder } from '../../actors/account/index.ts';
import { requireScope } from '../authorization.ts';
import { ErrorCode, graphError } from '../errors.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { OVERFLOW } from '../subscriptions/bounded-stream.ts';
import { accountEventStream, balanceStream } from '../subscriptions/account-streams.ts';
import { priceOf, sizeOf } from '../units.ts';
import { specOf } from './lookup.ts';
import { SUBSCRIPTION_QUEUE } from './subscriptions.ts';

function orNext<T>(value: unknown, what: string): T {
  if (value === OVERFLOW) {
    throw graphError(
      ErrorCode.SLOW_CONSUMER,
      `Fell too far behind your ${what}; re-read them and subscribe again.`,
      { retryable: true },
    );
  }
  return value as T;
}

/**
 * The signed-in account's own streams: the subject is built from `principal.account` only, so a
 * subscription can never listen to another account.
 */
export const accountStreamResolvers: Resolvers = {
  Subscription: {
    myOrders: {
      subscribe: (_root, _args, ctx) => {
        const { account } = requireScope(ctx, 'read');
        return accountEventStream<AccountOrder>(
          ctx.services.bus,
          accountSubjects.orders(account),
          SUBSCRIPTION_QUEUE,
        );
      },
      resolve: (value: unknown) => orNext<AccountOrder>(value, 'orders'),
    },
    myFills: {
      subscribe: (_root, _args, ctx) => {
        const { account } = requireScope(ctx, 'read');
        return accountEventStream<AccountFill>(
          ctx.services.bus,
          accountSubjects.fills(account),
          SUBSCRIPTION_QUEUE,
        );
      },
      resolve: (value: unknown) => orNext<AccountFill>(value, 'fills'),
    },
    myBalances: {
      subscribe: (_root, _args, ctx) => {
        const { account } = requireScope(ctx, 'read');
        return balanceStream(ctx.services.bus, ctx.services.ask, account);
      },
      resolve: (value: unknown) => value as never,
    },
  },
  Fill: {
    id: (f) => `${f.market}:${f.seq}:${f.role}`,
    orderId: (f) => String(f.orderId),
    seq: (f) => String(f.seq),
    price: (f, _a, ctx) => priceOf(specOf(ctx, f.market), f.price),
    size: (f, _a, ctx) => sizeOf(specOf(ctx, f.market), f.size),
    liquidity: (f) => f.role,
  },
};
