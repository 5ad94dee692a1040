import { FEE_TIERS, feeSchedule, QTRA_HOLDER_THRESHOLD } from '../../actors/account/index.ts';
import type { AccountSummary } from '../../actors/account/index.ts';
import { requireScope } from '../authorization.ts';
import type { Resolvers } from '../generated/resolvers.ts';

/** The fee schedule (public) and the signed-in account's tier and rates. */
export const feeResolvers: Resolvers = {
  Query: {
    feeSchedule: () => ({
      tiers: [...FEE_TIERS],
      qtraTiers: [...feeSchedule(true)],
      qtraHolderThreshold: QTRA_HOLDER_THRESHOLD.toString(),
    }),
    myFeeTier: async (_root, _args, ctx) => {
      const { account } = requireScope(ctx, 'read');
      const summary = (await ctx.services.ask(`account/${account}`, 'summary', {})) as AccountSummary;
      return { tier: summary.tier, makerBps: summary.rates.makerBps, takerBps: summary.rates.takerBps };
    },
  },
  FeeTier: {
    minVolumeUsd: (tier) => tier.minVolumeUsd.toString(),
  },
};
