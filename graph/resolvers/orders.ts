import type {
  AccountOrder,
  OrderRecord,
  OrderResult,
  PlaceOrderRequest,
} from '../../actors/account/index.ts';
import type { GraphContext } from '../context.ts';
import { requireScope } from '../authorization.ts';
import { badInput, refusal } from '../errors.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { averagePriceOf, amountOf, notionalOf, priceOf, sizeOf } from '../units.ts';
import { specOf } from './lookup.ts';

/** The account's order id `account × 2^21 + n` as the ID string clients hold. */
export function parseOrderId(id: string): number {
  const n = /^\d{1,16}$/.test(id) ? Number(id) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw badInput('id must be an order id', 'id');
  return n;
}

/** Same alphabet as the FIX ClOrdID most clients already use; it is also the idempotency key. */
const CLIENT_ORDER_ID = /^[A-Za-z0-9._:-]{1,64}$/;

function orderOf(result: OrderResult): AccountOrder {
  if (!result.ok) throw refusal(result);
  return result.order;
}

/**
 * Order entry through the OrderPath (account checks and hold, the book, settlement of both sides):
 * every mutation needs the `trade` scope and acts only on the caller's own account.
 */
/** An order's decimal fields from its ticks and lots: an account's Order and the admin's AdminOrder. */
type OrderAmounts = Pick<
  OrderRecord,
  | 'id'
  | 'market'
  | 'price'
  | 'stopPrice'
  | 'size'
  | 'quote'
  | 'filledLots'
  | 'remaining'
  | 'filledNotional'
  | 'fees'
>;

export const orderFields = {
  id: (o: OrderAmounts) => String(o.id),
  // Zero means "not given" in the OMS record (MARKET has no limit, a buy by quote no size).
  price: (o: OrderAmounts, _a: unknown, ctx: GraphContext) =>
    o.price === 0 ? null : priceOf(specOf(ctx, o.market), o.price),
  stopPrice: (o: OrderAmounts, _a: unknown, ctx: GraphContext) =>
    o.stopPrice === 0 ? null : priceOf(specOf(ctx, o.market), o.stopPrice),
  size: (o: OrderAmounts, _a: unknown, ctx: GraphContext) =>
    o.size === 0 ? null : sizeOf(specOf(ctx, o.market), o.size),
  quote: (o: OrderAmounts, _a: unknown, ctx: GraphContext) =>
    o.quote === 0 ? null : notionalOf(specOf(ctx, o.market), o.quote),
  filledSize: (o: OrderAmounts, _a: unknown, ctx: GraphContext) =>
    sizeOf(specOf(ctx, o.market), o.filledLots),
  remainingSize: (o: OrderAmounts, _a: unknown, ctx: GraphContext) =>
    sizeOf(specOf(ctx, o.market), o.remaining),
  filledNotional: (o: OrderAmounts, _a: unknown, ctx: GraphContext) =>
    notionalOf(specOf(ctx, o.market), o.filledNotional),
  averagePrice: (o: OrderAmounts, _a: unknown, ctx: GraphContext) =>
    averagePriceOf(specOf(ctx, o.market), o.filledNotional, o.filledLots),
  fees: (o: OrderAmounts) =>
    Object.entries(o.fees).map(([asset, amount]) => ({ asset, amount: amountOf(asset, amount) })),
};

export const orderResolvers: Resolvers = {
  Mutation: {
    placeOrder: async (_root, { input }, ctx) => {
      const principal = requireScope(ctx, 'trade');
      const { account } = principal;
      await ctx.services.auth?.limitOrders(principal);
      if (!CLIENT_ORDER_ID.test(input.clientOrderId)) {
        throw badInput('clientOrderId must be 1 to 64 letters, digits or . _ : -', 'clientOrderId');
      }
      specOf(ctx, input.market);
      const request: PlaceOrderRequest = {
        clientOrderId: input.clientOrderId,
        market: input.market,
        side: input.side,
        type: input.type,
        ...(input.price != null ? { price: input.price } : {}),
        ...(input.size != null ? { size: input.size } : {}),
        ...(input.quote != null ? { quote: input.quote } : {}),
        ...(input.stopPrice != null ? { stopPrice: input.stopPrice } : {}),
        postOnly: input.postOnly ?? false,
        stp: input.stp ?? 'NONE',
      };
      return orderOf(await ctx.services.orders.placeOrder(account, request));
    },
    cancelOrder: async (_root, { id }, ctx) => {
      const { account } = requireScope(ctx, 'trade');
      return orderOf(await ctx.services.orders.cancelOrder(account, parseOrderId(id)));
    },
    amendOrder: async (_root, { input }, ctx) => {
      const { account } = requireScope(ctx, 'trade');
      if (input.price == null && input.size == null) throw badInput('amend needs a new price or size');
      return orderOf(
        await ctx.services.orders.amendOrder(account, parseOrderId(input.id), {
          ...(input.price != null ? { price: input.price } : {}),
          ...(input.size != null ? { size: input.size } : {}),
        }),
      );
    },
    cancelAll: async (_root, _args, ctx) => {
      const { account } = requireScope(ctx, 'trade');
      return { cancelled: await ctx.services.orders.cancelAll(account) };
    },
  },
  Order: orderFields,
};
