import { DecimalScalar, PositiveDecimalScalar, TimestampScalar } from '../scalars.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { accountResolvers } from './account.ts';
import { accountStreamResolvers } from './account-streams.ts';
import { adminResolvers } from './admin.ts';
import { adminPanelResolvers } from './admin-panel.ts';
import { authResolvers } from './auth.ts';
import { feeResolvers } from './fees.ts';
import { ledgerResolvers } from './ledger.ts';
import { marketDataResolvers } from './market-data.ts';
import { orderResolvers } from './orders.ts';
import { sreResolvers } from './sre.ts';
import { subscriptionResolvers } from './subscriptions.ts';

/** Internal values of the enums whose GraphQL names differ (`M1` is the '1m' interval). */
const enums: Resolvers = {
  CandleInterval: { M1: '1m', M5: '5m', M15: '15m', H1: '1h', H4: '4h', D1: '1d', W1: '1w' },
  OrderStatus: {
    PENDING_NEW: 'PendingNew',
    NEW: 'New',
    PARTIALLY_FILLED: 'PartiallyFilled',
    FILLED: 'Filled',
    CANCELLED: 'Cancelled',
    REJECTED: 'Rejected',
    EXPIRED: 'Expired',
  },
};

type ResolverMap = Record<string, Record<string, unknown>>;

/** Field maps merged per type (each file resolves its own fields of the shared root types). */
function merge(...maps: readonly object[]): ResolverMap {
  const merged: ResolverMap = {};
  for (const map of maps as ResolverMap[]) {
    for (const [type, fields] of Object.entries(map)) merged[type] = { ...merged[type], ...fields };
  }
  return merged;
}

export const resolvers = {
  Decimal: DecimalScalar,
  PositiveDecimal: PositiveDecimalScalar,
  Timestamp: TimestampScalar,
  ...merge(
    enums,
    marketDataResolvers,
    feeResolvers,
    accountResolvers,
    orderResolvers,
    subscriptionResolvers,
    accountStreamResolvers,
    ledgerResolvers,
    authResolvers,
    adminResolvers,
    adminPanelResolvers,
    sreResolvers,
  ),
};
