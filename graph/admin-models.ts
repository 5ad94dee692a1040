import type { AccountProfile, BalanceView, OrderRecord } from '../actors/account/index.ts';
import type { BookConfig, MarketSpec } from '../actors/market/index.ts';
import type { MarketMakerStatus, PmmConfig } from '../actors/mm/index.ts';
import type { User } from './auth/index.ts';
import type { SettledFillModel } from './models.ts';

/**
 * Internal shapes of the admin panel's types (codegen `mappers`): book units (ticks, lots) stay
 * integers until a field resolver converts them with the market's spec.
 */

/** A user of the auth store with its account actor's profile (null if the account could not answer). */
export interface ParticipantModel {
  readonly user: User;
  readonly profile: AccountProfile | null;
}

export type AccountStatusModel = AccountProfile;

export type AdminOrderModel = OrderRecord;

export interface AdminTradeModel {
  readonly account: number;
  readonly fill: SettledFillModel;
}

export interface BalanceAdjustmentModel {
  readonly txId: string;
  readonly account: number;
  readonly asset: string;
  readonly amount: string;
  readonly balances: readonly BalanceView[];
}

export interface MarketRiskLimitsModel {
  readonly spec: MarketSpec;
  readonly config: BookConfig;
}

export interface AdminMarketModel {
  readonly spec: MarketSpec;
  /** The book's configuration now (null: not open). */
  readonly config: BookConfig | null;
  readonly status: 'OPEN' | 'HALTED' | 'CANCEL_ONLY' | 'POST_ONLY' | null;
  readonly live: boolean;
  readonly createdBy: string | null;
  readonly createdAt: number | null;
}

export interface MarketMakerStatusModel {
  readonly spec: MarketSpec;
  readonly status: MarketMakerStatus;
}

export interface MarketMakerConfigModel {
  readonly spec: MarketSpec;
  readonly config: PmmConfig;
}
