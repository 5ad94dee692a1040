import type { ApiKeyRecord } from './auth/index.ts';
import type { AuditRecord } from '../actors/store/index.ts';
import type { PriceLevel } from '../actors/marketdata/index.ts';

/**
 * Internal shapes the schema's types map onto where no actor type fits (codegen `mappers`). Prices
 * and sizes stay in ticks and lots until a field resolver converts them with the market's spec.
 */

/** One message of the orderBook subscription. */
export interface OrderBookUpdateModel {
  readonly type: 'SNAPSHOT' | 'DELTA';
  readonly symbol: string;
  readonly seq: number;
  readonly prevSeq: number | null;
  readonly bids: readonly PriceLevel[];
  readonly asks: readonly PriceLevel[];
}

/** A price level of one market, so its field resolvers know which spec converts it. */
export interface PriceLevelModel {
  readonly symbol: string;
  readonly level: PriceLevel;
}

/** An asset amount in the ledger's minor units. */
export interface AmountModel {
  readonly asset: string;
  readonly amount: bigint;
}

/** One fill of an account as its ledger entries of kind `fill` show it. */
export interface SettledFillModel {
  /** The ledger transaction id, `fill:<market>:<seq>:<maker|taker>`. */
  readonly id: string;
  readonly market: string;
  readonly seq: number;
  readonly side: 'BUY' | 'SELL';
  readonly liquidity: 'MAKER' | 'TAKER';
  readonly paid: AmountModel;
  readonly received: AmountModel;
  readonly time: number;
}

/** A new or rotated key and its secret, shown this once. */
export interface CreatedApiKeyModel {
  readonly key: ApiKeyRecord;
  readonly secret: string;
}

/** An audit record with its page key (records have no id of their own). */
export interface AuditEntryModel {
  readonly key: number;
  readonly record: AuditRecord;
}

/** What an admin `inspect` returns (`ActorDetail` of the runtime), loosely typed across the host boundary. */
export interface ActorDetailModel {
  readonly address: string;
  readonly status: string;
  readonly mailboxDepth: number;
  readonly restarts: number;
  readonly lastError: unknown;
  readonly state: unknown;
}
