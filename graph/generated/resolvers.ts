import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { MarketSpec as MarketSpecModel } from '../../actors/market/index.ts';
import type { Ticker as TickerModel, BookSnapshotL2 as BookSnapshotL2Model, Trade as TradeModel, Candle as CandleModel } from '../../actors/marketdata/index.ts';
import type { FeeTier as FeeTierModel, AccountOrder as AccountOrderModel, BalanceView as BalanceViewModel, EffectiveLimits as EffectiveLimitsModel, LedgerEntry as LedgerEntryModel, AccountFill as AccountFillModel } from '../../actors/account/index.ts';
import type { Principal as PrincipalModel, GraphContext } from '../context.ts';
import type { SettledFillModel as SettledFillModelModel, AmountModel as AmountModelModel, CreatedApiKeyModel as CreatedApiKeyModelModel, AuditEntryModel as AuditEntryModelModel, ActorDetailModel as ActorDetailModelModel, OrderBookUpdateModel as OrderBookUpdateModelModel, PriceLevelModel as PriceLevelModelModel } from '../models.ts';
import type { ApiKeyRecord as ApiKeyRecordModel } from '../auth/index.ts';
import type { AuthPayload as AuthPayloadModel } from '../auth-service.ts';
import type { ParticipantModel as ParticipantModelModel, AccountStatusModel as AccountStatusModelModel, AdminOrderModel as AdminOrderModelModel, AdminTradeModel as AdminTradeModelModel, BalanceAdjustmentModel as BalanceAdjustmentModelModel, MarketRiskLimitsModel as MarketRiskLimitsModelModel, AdminMarketModel as AdminMarketModelModel, MarketMakerStatusModel as MarketMakerStatusModelModel, MarketMakerConfigModel as MarketMakerConfigModelModel } from '../admin-models.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * A decimal number as a string: optional minus sign, up to 30 integer and 30 fraction digits, no
   * exponent ("65000", "0.00001", "-2.5"). Never a float, so nothing is rounded on the way.
   */
  Decimal: { input: string; output: string; }
  /** A `Decimal` greater than zero (prices, sizes, amounts a trader sends). */
  PositiveDecimal: { input: string; output: string; }
  /** A UTC instant: ISO-8601 with milliseconds on output; ISO-8601 or epoch milliseconds as a string on input. */
  Timestamp: { input: number; output: number; }
};

/** An account's KYC status and freeze as its actor keeps them. */
export type AccountStatus = {
  __typename?: 'AccountStatus';
  account: Scalars['ID']['output'];
  frozen: Scalars['Boolean']['output'];
  jurisdiction: Maybe<Scalars['String']['output']>;
  kycTier: Scalars['Int']['output'];
};

export type ActorDetail = {
  __typename?: 'ActorDetail';
  address: Scalars['String']['output'];
  lastError: Maybe<Scalars['String']['output']>;
  mailboxDepth: Scalars['Int']['output'];
  restarts: Scalars['Int']['output'];
  status: Scalars['String']['output'];
  /** The actor's own summary, as JSON text. */
  summary: Maybe<Scalars['String']['output']>;
};

/** The last failure of an actor or a supervisor. */
export type ActorFailure = {
  __typename?: 'ActorFailure';
  at: Scalars['Timestamp']['output'];
  message: Scalars['String']['output'];
};

/** One loaded actor of a shard host, with its counters since it was loaded. */
export type ActorInfo = {
  __typename?: 'ActorInfo';
  /** e.g. `market/BTC-USDT`, `account/42`. */
  address: Scalars['String']['output'];
  kind: Scalars['String']['output'];
  lastError: Maybe<ActorFailure>;
  latency: ActorLatency;
  mailboxDepth: Scalars['Int']['output'];
  /** Messages per second, recent rate. */
  msgsPerSec: Scalars['Float']['output'];
  processed: Scalars['Float']['output'];
  rejected: Scalars['Float']['output'];
  restarts: Scalars['Int']['output'];
  /** The actor's journal sequence number (a decimal string: it can outgrow Int). */
  seq: Scalars['String']['output'];
  status: ActorStatus;
};

/** Handling time of an actor's messages, in microseconds. */
export type ActorLatency = {
  __typename?: 'ActorLatency';
  /** Messages measured. */
  count: Scalars['Float']['output'];
  meanUs: Scalars['Float']['output'];
  p50Us: Scalars['Float']['output'];
  p99Us: Scalars['Float']['output'];
};

/** An actor's lifecycle as its shard host reports it (anything but RUNNING wants a look). */
export type ActorStatus =
  | 'FAILED'
  | 'FROZEN'
  | 'PAUSED'
  | 'RESTARTING'
  | 'RUNNING'
  | 'STARTING'
  | 'STOPPED';

/** node -> shard host -> actor, read now. */
export type ActorTree = {
  __typename?: 'ActorTree';
  at: Scalars['Timestamp']['output'];
  /** The node's health check (same origin). */
  healthUrl: Scalars['String']['output'];
  hosts: Array<ShardHost>;
  /** Actors that match the search on every host (some may be cut by the limit). */
  matched: Scalars['Int']['output'];
  /** The node's Prometheus metrics (same origin). */
  metricsUrl: Scalars['String']['output'];
  node: Scalars['String']['output'];
  /** True when the limit cut the list. */
  truncated: Scalars['Boolean']['output'];
};

export type AdminCommandInput = {
  /** Actor address, e.g. `account/42`. */
  address: Scalars['String']['input'];
  /** For `send`: the message type and its payload as JSON text. */
  messageType?: InputMaybe<Scalars['String']['input']>;
  payload?: InputMaybe<Scalars['String']['input']>;
  reason: Scalars['String']['input'];
  /** An admin verb (pause, resume, restart, snapshot, inspect, freeze, send). */
  verb: Scalars['String']['input'];
};

export type AdminCommandResult = {
  __typename?: 'AdminCommandResult';
  ok: Scalars['Boolean']['output'];
  /** The actor's reply as JSON text. */
  reply: Maybe<Scalars['String']['output']>;
};

/** A market as admins manage it: its spec, the book's live status and limits. */
export type AdminMarket = {
  __typename?: 'AdminMarket';
  base: Scalars['String']['output'];
  createdAt: Maybe<Scalars['Timestamp']['output']>;
  /** Created by an admin (null for the built-in markets). */
  createdBy: Maybe<Scalars['String']['output']>;
  /** Null when the book is not open. */
  limits: Maybe<MarketRiskLimits>;
  /**
   * True when this node trades the market. A created market trades as soon as createMarket
   * returns; false only for one whose creation failed part-way (recorded, not served yet): the
   * node serves it from its next start.
   */
  live: Scalars['Boolean']['output'];
  lotSize: Scalars['Decimal']['output'];
  maxPrice: Scalars['Decimal']['output'];
  quote: Scalars['String']['output'];
  referencePrice: Maybe<Scalars['Decimal']['output']>;
  /** Null when the book is not open. */
  status: Maybe<MarketStatus>;
  symbol: Scalars['ID']['output'];
  tickSize: Scalars['Decimal']['output'];
};

/** An order of any account, from the orders read model. */
export type AdminOrder = {
  __typename?: 'AdminOrder';
  account: Scalars['ID']['output'];
  averagePrice: Maybe<Scalars['Decimal']['output']>;
  clientOrderId: Scalars['String']['output'];
  createdAt: Scalars['Timestamp']['output'];
  fees: Array<Fee>;
  filledNotional: Scalars['Decimal']['output'];
  filledSize: Scalars['Decimal']['output'];
  id: Scalars['ID']['output'];
  market: Scalars['String']['output'];
  price: Maybe<Scalars['Decimal']['output']>;
  quote: Maybe<Scalars['Decimal']['output']>;
  remainingSize: Scalars['Decimal']['output'];
  side: Side;
  size: Maybe<Scalars['Decimal']['output']>;
  status: OrderStatus;
  stopPrice: Maybe<Scalars['Decimal']['output']>;
  type: OrderType;
  updatedAt: Scalars['Timestamp']['output'];
};

export type AdminOrderConnection = {
  __typename?: 'AdminOrderConnection';
  edges: Array<AdminOrderEdge>;
  pageInfo: PageInfo;
};

export type AdminOrderEdge = {
  __typename?: 'AdminOrderEdge';
  cursor: Scalars['String']['output'];
  node: AdminOrder;
};

export type AdminOrderFilter = {
  account?: InputMaybe<Scalars['ID']['input']>;
  /** Created at or after. */
  from?: InputMaybe<Scalars['Timestamp']['input']>;
  market?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<Array<OrderStatus>>;
  /** Created before. */
  to?: InputMaybe<Scalars['Timestamp']['input']>;
};

/** One side of one fill as an account's ledger booked it (entries of kind `fill`). */
export type AdminTrade = {
  __typename?: 'AdminTrade';
  account: Scalars['ID']['output'];
  /** The ledger transaction id, `fill:<market>:<seq>:<maker|taker>`. */
  id: Scalars['ID']['output'];
  liquidity: Liquidity;
  market: Scalars['String']['output'];
  /** What left the order's hold. */
  paid: Amount;
  /** What was credited, net of the fee (or with the rebate). */
  received: Amount;
  seq: Scalars['String']['output'];
  side: Side;
  time: Scalars['Timestamp']['output'];
};

export type AdminTradeConnection = {
  __typename?: 'AdminTradeConnection';
  edges: Array<AdminTradeEdge>;
  pageInfo: PageInfo;
};

export type AdminTradeEdge = {
  __typename?: 'AdminTradeEdge';
  cursor: Scalars['String']['output'];
  node: AdminTrade;
};

export type AdminTradeFilter = {
  account?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['Timestamp']['input']>;
  market?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['Timestamp']['input']>;
};

export type AmendOrderInput = {
  id: Scalars['ID']['input'];
  price?: InputMaybe<Scalars['PositiveDecimal']['input']>;
  size?: InputMaybe<Scalars['PositiveDecimal']['input']>;
};

export type Amount = {
  __typename?: 'Amount';
  amount: Scalars['Decimal']['output'];
  asset: Scalars['String']['output'];
};

export type ApiKey = {
  __typename?: 'ApiKey';
  createdAt: Scalars['Timestamp']['output'];
  id: Scalars['ID']['output'];
  ipAllowlist: Array<Scalars['String']['output']>;
  /** The public half; the secret is shown once, at creation. */
  key: Scalars['String']['output'];
  label: Scalars['String']['output'];
  lastUsedAt: Maybe<Scalars['Timestamp']['output']>;
  revokedAt: Maybe<Scalars['Timestamp']['output']>;
  scopes: Array<ApiKeyScope>;
};

export type ApiKeyScope =
  | 'READ'
  | 'TRADE'
  | 'WITHDRAW';

export type AuditEntry = {
  __typename?: 'AuditEntry';
  at: Scalars['Timestamp']['output'];
  /** What the runtime recorded beyond the verb (e.g. the message type of a `send`), as JSON text. */
  detail: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** `accepted` or `denied`. */
  outcome: Scalars['String']['output'];
  principal: Scalars['String']['output'];
  reason: Scalars['String']['output'];
  target: Scalars['String']['output'];
  verb: Scalars['String']['output'];
};

export type AuditEntryConnection = {
  __typename?: 'AuditEntryConnection';
  edges: Array<AuditEntryEdge>;
  pageInfo: PageInfo;
};

export type AuditEntryEdge = {
  __typename?: 'AuditEntryEdge';
  cursor: Scalars['String']['output'];
  node: AuditEntry;
};

export type AuthPayload = {
  __typename?: 'AuthPayload';
  accessToken: Scalars['String']['output'];
  /** When the access token expires. */
  expiresAt: Scalars['Timestamp']['output'];
  refreshToken: Scalars['String']['output'];
  user: User;
};

export type Balance = {
  __typename?: 'Balance';
  asset: Scalars['String']['output'];
  available: Scalars['Decimal']['output'];
  locked: Scalars['Decimal']['output'];
};

export type BalanceAdjustment = {
  __typename?: 'BalanceAdjustment';
  account: Scalars['ID']['output'];
  amount: Scalars['Decimal']['output'];
  asset: Scalars['String']['output'];
  /** The account's balances after the adjustment. */
  balances: Array<Balance>;
  txId: Scalars['String']['output'];
};

export type CancelAllPayload = {
  __typename?: 'CancelAllPayload';
  cancelled: Scalars['Int']['output'];
};

export type Candle = {
  __typename?: 'Candle';
  close: Scalars['Decimal']['output'];
  high: Scalars['Decimal']['output'];
  interval: CandleInterval;
  low: Scalars['Decimal']['output'];
  open: Scalars['Decimal']['output'];
  openTime: Scalars['Timestamp']['output'];
  quoteVolume: Scalars['Decimal']['output'];
  symbol: Scalars['ID']['output'];
  trades: Scalars['Int']['output'];
  volume: Scalars['Decimal']['output'];
};

/** Candle widths; buckets are UTC-aligned and weeks start on Monday. */
export type CandleInterval =
  | '1d'
  | '1h'
  | '4h'
  | '1m'
  | '5m'
  | '15m'
  | '1w';

export type CreateApiKeyInput = {
  ipAllowlist?: InputMaybe<Array<Scalars['String']['input']>>;
  label: Scalars['String']['input'];
  scopes: Array<ApiKeyScope>;
};

export type CreateMarketInput = {
  /** A ledger asset (BTC, ETH, USDT, QTRA). */
  base: Scalars['String']['input'];
  lotSize: Scalars['PositiveDecimal']['input'];
  maxPrice: Scalars['PositiveDecimal']['input'];
  maxSize: Scalars['PositiveDecimal']['input'];
  minNotional: Scalars['Decimal']['input'];
  minSize: Scalars['PositiveDecimal']['input'];
  priceBandBps: Scalars['Int']['input'];
  quote: Scalars['String']['input'];
  referencePrice?: InputMaybe<Scalars['PositiveDecimal']['input']>;
  tickSize: Scalars['PositiveDecimal']['input'];
};

export type CreatedApiKey = {
  __typename?: 'CreatedApiKey';
  apiKey: ApiKey;
  /** Shown once; only its hash is kept. */
  secret: Scalars['String']['output'];
};

export type Fee = {
  __typename?: 'Fee';
  /** Positive a fee paid, negative a rebate received. */
  amount: Scalars['Decimal']['output'];
  asset: Scalars['String']['output'];
};

export type FeeSchedule = {
  __typename?: 'FeeSchedule';
  qtraHolderThreshold: Scalars['Decimal']['output'];
  /** The same tiers for accounts holding at least `qtraHolderThreshold` QTRA. */
  qtraTiers: Array<FeeTier>;
  tiers: Array<FeeTier>;
};

export type FeeTier = {
  __typename?: 'FeeTier';
  /** Basis points; negative is a rebate. */
  makerBps: Scalars['Int']['output'];
  /** Lowest rolling 30-day USD volume of the tier (the boundary belongs to this tier). */
  minVolumeUsd: Scalars['Decimal']['output'];
  name: Scalars['String']['output'];
  takerBps: Scalars['Int']['output'];
};

/** One fill of the signed-in account as the matching engine reported it (myFills), live. */
export type Fill = {
  __typename?: 'Fill';
  /** `<market>:<seq>:<MAKER|TAKER>`: unique per account. */
  id: Scalars['ID']['output'];
  liquidity: Liquidity;
  market: Scalars['String']['output'];
  orderId: Scalars['ID']['output'];
  price: Scalars['Decimal']['output'];
  /** The market's fill sequence number. */
  seq: Scalars['String']['output'];
  side: Side;
  size: Scalars['Decimal']['output'];
  time: Scalars['Timestamp']['output'];
};

export type LedgerEntry = {
  __typename?: 'LedgerEntry';
  amount: Scalars['Decimal']['output'];
  asset: Scalars['String']['output'];
  /** `available`, `locked`. */
  bucket: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: Scalars['String']['output'];
  time: Scalars['Timestamp']['output'];
  txId: Scalars['String']['output'];
};

export type LedgerEntryConnection = {
  __typename?: 'LedgerEntryConnection';
  edges: Array<LedgerEntryEdge>;
  pageInfo: PageInfo;
};

export type LedgerEntryEdge = {
  __typename?: 'LedgerEntryEdge';
  cursor: Scalars['String']['output'];
  node: LedgerEntry;
};

export type Liquidity =
  | 'MAKER'
  | 'TAKER';

export type LoginInput = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
  /** Required when MFA is on. */
  totp?: InputMaybe<Scalars['String']['input']>;
};

export type Market = {
  __typename?: 'Market';
  base: Scalars['String']['output'];
  lotSize: Scalars['Decimal']['output'];
  maxPrice: Scalars['Decimal']['output'];
  maxSize: Scalars['Decimal']['output'];
  minNotional: Scalars['Decimal']['output'];
  minSize: Scalars['Decimal']['output'];
  priceBandBps: Scalars['Int']['output'];
  quote: Scalars['String']['output'];
  /** The book's status (HALTED: every order refused; admins halt and resume markets). */
  status: MarketStatus;
  symbol: Scalars['ID']['output'];
  tickSize: Scalars['Decimal']['output'];
  ticker: Ticker;
};

/** The demo market maker's PMM settings of one market (sizes and inventories in base). */
export type MarketMakerConfig = {
  __typename?: 'MarketMakerConfig';
  inventorySkew: Scalars['Float']['output'];
  levelSpacingBps: Scalars['Float']['output'];
  levels: Scalars['Int']['output'];
  maxInventory: Scalars['Decimal']['output'];
  minInventory: Scalars['Decimal']['output'];
  minOrderSize: Scalars['Decimal']['output'];
  orderSize: Scalars['Decimal']['output'];
  spreadBps: Scalars['Float']['output'];
  targetInventory: Scalars['Decimal']['output'];
};

/** Any of the settings; the others stay (the whole is checked again). */
export type MarketMakerConfigInput = {
  inventorySkew?: InputMaybe<Scalars['Float']['input']>;
  levelSpacingBps?: InputMaybe<Scalars['Float']['input']>;
  levels?: InputMaybe<Scalars['Int']['input']>;
  maxInventory?: InputMaybe<Scalars['Decimal']['input']>;
  minInventory?: InputMaybe<Scalars['Decimal']['input']>;
  minOrderSize?: InputMaybe<Scalars['PositiveDecimal']['input']>;
  orderSize?: InputMaybe<Scalars['PositiveDecimal']['input']>;
  spreadBps?: InputMaybe<Scalars['Float']['input']>;
  targetInventory?: InputMaybe<Scalars['Decimal']['input']>;
};

export type MarketMakerStatus = {
  __typename?: 'MarketMakerStatus';
  account: Scalars['ID']['output'];
  config: MarketMakerConfig;
  /** Base held (available and locked), at the last refresh. */
  inventory: Maybe<Scalars['Decimal']['output']>;
  lastMid: Maybe<Scalars['Decimal']['output']>;
  market: Scalars['String']['output'];
  openQuotes: Scalars['Int']['output'];
  refreshes: Scalars['Int']['output'];
  running: Scalars['Boolean']['output'];
};

/** The limits a market's book enforces on every order and amendment. */
export type MarketRiskLimits = {
  __typename?: 'MarketRiskLimits';
  maxSize: Scalars['Decimal']['output'];
  /** The highest maxSize may be: the market's spec (prices × sizes must stay exact integers). */
  maxSizeCeiling: Scalars['Decimal']['output'];
  /** Smallest order value in quote (0: no minimum). */
  minNotional: Scalars['Decimal']['output'];
  minSize: Scalars['Decimal']['output'];
  /** Fat-finger band around the last trade (or the reference price), in bps (0: no band). */
  priceBandBps: Scalars['Int']['output'];
};

/** Any of the limits; the others stay. */
export type MarketRiskLimitsInput = {
  maxSize?: InputMaybe<Scalars['PositiveDecimal']['input']>;
  minNotional?: InputMaybe<Scalars['Decimal']['input']>;
  minSize?: InputMaybe<Scalars['PositiveDecimal']['input']>;
  priceBandBps?: InputMaybe<Scalars['Int']['input']>;
};

export type MarketStatus =
  | 'CANCEL_ONLY'
  | 'HALTED'
  | 'OPEN'
  | 'POST_ONLY';

export type Mutation = {
  __typename?: 'Mutation';
  /** Admin: any admin verb; SRE: the SRE verbs only (others are FORBIDDEN, audited as denied). */
  actorCommand: AdminCommandResult;
  /** Admin: credits (positive) or debits (negative) an account against the adjustments account; idempotent by txId. */
  adjustBalance: BalanceAdjustment;
  amendOrder: Order;
  /** The kill switch: cancels every live order of the account, in every market. */
  cancelAll: CancelAllPayload;
  cancelOrder: Order;
  createApiKey: CreatedApiKey;
  /** Admin: records a new market, opens its book and wires it: it trades as soon as this returns. */
  createMarket: AdminMarket;
  disableTotp: Scalars['Boolean']['output'];
  enableTotp: TotpSetup;
  freezeAccount: Scalars['Boolean']['output'];
  haltMarket: Market;
  login: AuthPayload;
  logout: Scalars['Boolean']['output'];
  placeOrder: Order;
  refresh: AuthPayload;
  register: AuthPayload;
  requestPasswordReset: Scalars['Boolean']['output'];
  resetPassword: Scalars['Boolean']['output'];
  resumeMarket: Market;
  revokeApiKey: ApiKey;
  rotateApiKey: CreatedApiKey;
  /** Admin: an account's KYC tier (0 to 3) and jurisdiction (ISO alpha-2, or null). */
  setKyc: AccountStatus;
  /** Admin: new PMM settings for one market's maker, taken at its next refresh. */
  setMarketMakerConfig: MarketMakerStatus;
  /** Admin: changes the limits the book enforces (journaled by the market). */
  setMarketRiskLimits: AdminMarket;
  /** Admin: OPEN, HALTED, CANCEL_ONLY or POST_ONLY. */
  setMarketStatus: AdminMarket;
  /** Lowers my own exposure limits (null input: back to the exchange's). */
  setMyRiskLimits: RiskLimits;
  /** Admin: replaces a user's roles (USER is always kept). */
  setUserRoles: Participant;
  /** Admin or SRE: an audited SRE verb on a loaded actor (NOT_FOUND when it is not loaded). */
  sreCommand: SreCommandResult;
  /** Admin: starts the market maker of one market (all without `market`). */
  startMarketMaker: Array<MarketMakerStatus>;
  /** Admin: the kill switch: stops quoting and cancels every quote (all markets without `market`). */
  stopMarketMaker: Array<MarketMakerStatus>;
  verifyTotp: Scalars['Boolean']['output'];
};


export type MutationActorCommandArgs = {
  input: AdminCommandInput;
};


export type MutationAdjustBalanceArgs = {
  account: Scalars['ID']['input'];
  amount: Scalars['Decimal']['input'];
  asset: Scalars['String']['input'];
  reason: Scalars['String']['input'];
  txId: Scalars['String']['input'];
};


export type MutationAmendOrderArgs = {
  input: AmendOrderInput;
};


export type MutationCancelOrderArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


export type MutationCreateMarketArgs = {
  input: CreateMarketInput;
  reason: Scalars['String']['input'];
};


export type MutationDisableTotpArgs = {
  code: Scalars['String']['input'];
};


export type MutationFreezeAccountArgs = {
  account: Scalars['ID']['input'];
  frozen: Scalars['Boolean']['input'];
  reason: Scalars['String']['input'];
};


export type MutationHaltMarketArgs = {
  reason: Scalars['String']['input'];
  symbol: Scalars['ID']['input'];
};


export type MutationLoginArgs = {
  input: LoginInput;
};


export type MutationLogoutArgs = {
  refreshToken?: InputMaybe<Scalars['String']['input']>;
};


export type MutationPlaceOrderArgs = {
  input: PlaceOrderInput;
};


export type MutationRefreshArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationRegisterArgs = {
  input: RegisterInput;
};


export type MutationRequestPasswordResetArgs = {
  email: Scalars['String']['input'];
};


export type MutationResetPasswordArgs = {
  password: Scalars['String']['input'];
  token: Scalars['String']['input'];
};


export type MutationResumeMarketArgs = {
  reason: Scalars['String']['input'];
  symbol: Scalars['ID']['input'];
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRotateApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetKycArgs = {
  account: Scalars['ID']['input'];
  jurisdiction?: InputMaybe<Scalars['String']['input']>;
  reason: Scalars['String']['input'];
  tier: Scalars['Int']['input'];
};


export type MutationSetMarketMakerConfigArgs = {
  input: MarketMakerConfigInput;
  market: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationSetMarketRiskLimitsArgs = {
  input: MarketRiskLimitsInput;
  reason: Scalars['String']['input'];
  symbol: Scalars['ID']['input'];
};


export type MutationSetMarketStatusArgs = {
  reason: Scalars['String']['input'];
  status: MarketStatus;
  symbol: Scalars['ID']['input'];
};


export type MutationSetMyRiskLimitsArgs = {
  input?: InputMaybe<RiskLimitsInput>;
};


export type MutationSetUserRolesArgs = {
  reason: Scalars['String']['input'];
  roles: Array<Role>;
  userId: Scalars['ID']['input'];
};


export type MutationSreCommandArgs = {
  input: SreCommandInput;
};


export type MutationStartMarketMakerArgs = {
  market?: InputMaybe<Scalars['ID']['input']>;
  reason: Scalars['String']['input'];
};


export type MutationStopMarketMakerArgs = {
  market?: InputMaybe<Scalars['ID']['input']>;
  reason: Scalars['String']['input'];
};


export type MutationVerifyTotpArgs = {
  code: Scalars['String']['input'];
};

export type MyFeeTier = {
  __typename?: 'MyFeeTier';
  makerBps: Scalars['Int']['output'];
  takerBps: Scalars['Int']['output'];
  tier: Scalars['String']['output'];
};

export type Order = {
  __typename?: 'Order';
  /** Average fill price; null before the first fill. */
  averagePrice: Maybe<Scalars['Decimal']['output']>;
  clientOrderId: Scalars['String']['output'];
  createdAt: Scalars['Timestamp']['output'];
  fees: Array<Fee>;
  filledNotional: Scalars['Decimal']['output'];
  filledSize: Scalars['Decimal']['output'];
  id: Scalars['ID']['output'];
  market: Scalars['String']['output'];
  postOnly: Scalars['Boolean']['output'];
  /** Limit price (null for MARKET and FOK_BUDGET). */
  price: Maybe<Scalars['Decimal']['output']>;
  /** Budget or quote amount (FOK_BUDGET, MARKET buy by quote). */
  quote: Maybe<Scalars['Decimal']['output']>;
  remainingSize: Scalars['Decimal']['output'];
  side: Side;
  size: Maybe<Scalars['Decimal']['output']>;
  status: OrderStatus;
  stopPrice: Maybe<Scalars['Decimal']['output']>;
  stp: StpMode;
  triggered: Scalars['Boolean']['output'];
  type: OrderType;
  updatedAt: Scalars['Timestamp']['output'];
};

export type OrderBook = {
  __typename?: 'OrderBook';
  asks: Array<PriceLevel>;
  /** Best first. */
  bids: Array<PriceLevel>;
  /** The market sequence number the book is exact at. */
  seq: Scalars['String']['output'];
  symbol: Scalars['ID']['output'];
};

export type OrderBookUpdate = {
  __typename?: 'OrderBookUpdate';
  asks: Array<PriceLevel>;
  /** A SNAPSHOT's levels, or a DELTA's changed levels (size "0" removes one). */
  bids: Array<PriceLevel>;
  /** Null for a SNAPSHOT; for a DELTA, the seq the book was at before it. */
  prevSeq: Maybe<Scalars['String']['output']>;
  seq: Scalars['String']['output'];
  symbol: Scalars['ID']['output'];
  type: OrderBookUpdateType;
};

/** What the book stream sends: first a SNAPSHOT, then DELTAs; a DELTA whose prevSeq does not follow is never sent (a new SNAPSHOT is). */
export type OrderBookUpdateType =
  | 'DELTA'
  | 'SNAPSHOT';

export type OrderConnection = {
  __typename?: 'OrderConnection';
  edges: Array<OrderEdge>;
  pageInfo: PageInfo;
};

export type OrderEdge = {
  __typename?: 'OrderEdge';
  cursor: Scalars['String']['output'];
  node: Order;
};

export type OrderFilter = {
  market?: InputMaybe<Scalars['String']['input']>;
  /** Only orders still live at the book (PENDING_NEW, NEW, PARTIALLY_FILLED). */
  open?: InputMaybe<Scalars['Boolean']['input']>;
  status?: InputMaybe<Array<OrderStatus>>;
};

export type OrderStatus =
  | 'Cancelled'
  | 'Expired'
  | 'Filled'
  | 'New'
  | 'PartiallyFilled'
  | 'PendingNew'
  | 'Rejected';

/**
 * LIMIT rests; IOC fills what it can now; FOK all or nothing; FOK_BUDGET all or nothing within a
 * quote budget; MARKET by size (protected) or a buy by quote; stops trigger on the last trade price.
 */
export type OrderType =
  | 'FOK'
  | 'FOK_BUDGET'
  | 'IOC'
  | 'LIMIT'
  | 'MARKET'
  | 'STOP_LIMIT'
  | 'STOP_MARKET';

/** Relay page information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

/** A user as the admin panel lists them: the login, its roles, and its trading account's KYC and freeze. */
export type Participant = {
  __typename?: 'Participant';
  account: Scalars['ID']['output'];
  createdAt: Scalars['Timestamp']['output'];
  email: Scalars['String']['output'];
  /** The trading account is frozen: its orders are refused (freezeAccount). */
  frozen: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  /** ISO 3166 alpha-2 country, or null when unknown. */
  jurisdiction: Maybe<Scalars['String']['output']>;
  /** KYC tier 0 to 3, as the account actor keeps it (setKyc). */
  kycTier: Scalars['Int']['output'];
  /** The login itself is blocked (users.frozen). */
  loginFrozen: Scalars['Boolean']['output'];
  mfaEnabled: Scalars['Boolean']['output'];
  roles: Array<Role>;
};

export type ParticipantConnection = {
  __typename?: 'ParticipantConnection';
  edges: Array<ParticipantEdge>;
  pageInfo: PageInfo;
};

export type ParticipantEdge = {
  __typename?: 'ParticipantEdge';
  cursor: Scalars['String']['output'];
  node: Participant;
};

export type PlaceOrderInput = {
  /** Idempotency key: a retry with the same id returns the first result. */
  clientOrderId: Scalars['String']['input'];
  market: Scalars['String']['input'];
  postOnly?: InputMaybe<Scalars['Boolean']['input']>;
  /** Required for LIMIT, IOC, FOK, STOP_LIMIT. */
  price?: InputMaybe<Scalars['PositiveDecimal']['input']>;
  /** Quote amount: FOK_BUDGET's budget, a MARKET buy by quote. */
  quote?: InputMaybe<Scalars['PositiveDecimal']['input']>;
  side: Side;
  /** Base size; a MARKET buy may give `quote` instead. */
  size?: InputMaybe<Scalars['PositiveDecimal']['input']>;
  /** Trigger price of STOP_LIMIT and STOP_MARKET. */
  stopPrice?: InputMaybe<Scalars['PositiveDecimal']['input']>;
  stp?: InputMaybe<StpMode>;
  type: OrderType;
};

export type PriceLevel = {
  __typename?: 'PriceLevel';
  price: Scalars['Decimal']['output'];
  /** Open size at the price; "0" in a delta removes the level. */
  size: Scalars['Decimal']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** Admin: any account's balances (read from its actor). */
  accountBalances: Array<Balance>;
  /** Admin: one account's KYC and freeze. */
  accountStatus: AccountStatus;
  /** Admin or SRE: one actor's detail (an audited `inspect`; `reason` goes to the audit log). */
  actorDetail: Maybe<ActorDetail>;
  /** Admin or SRE: node -> shard host -> actor, as JSON text (the runtime's tree, raw). */
  actorTree: Scalars['String']['output'];
  /**
   * Admin or SRE: the live actor tree, typed. `search`: actors whose address or kind contains it
   * (case-insensitive, up to 200 characters); `limit`: most actors listed in all, 1 to 5000.
   */
  actorTreeView: ActorTree;
  /** Admin: every market, built-in and created. */
  adminMarkets: Array<AdminMarket>;
  /** Admin: orders of every account, newest first. first: 1 to 500. */
  adminOrders: AdminOrderConnection;
  /** Admin: fills of every account, newest first. first: 1 to 500. */
  adminTrades: AdminTradeConnection;
  apiKeys: Array<ApiKey>;
  /** Admin: admin commands, newest first (the last 1000). first: 1 to 500. */
  auditLog: AuditEntryConnection;
  balances: Array<Balance>;
  /**
   * Without `from`, the live candles (most recent `limit`); with `from`, the recorded history from
   * `from` up to `to` (default now), oldest first. limit: 1 to 10000.
   */
  candles: Array<Candle>;
  feeSchedule: FeeSchedule;
  /** Settled fills from the ledger, newest first. first: 1 to 100. */
  fills: SettledFillConnection;
  /** Ledger postings of the account, newest first. first: 1 to 500. */
  ledgerEntries: LedgerEntryConnection;
  market: Maybe<Market>;
  /** Admin: the demo market makers (UNAVAILABLE when the node runs none). */
  marketMakers: Array<MarketMakerStatus>;
  markets: Array<Market>;
  me: User;
  myFeeTier: MyFeeTier;
  /** The exposure limits that apply to my orders, and the exchange's ceilings. */
  myRiskLimits: RiskLimits;
  order: Maybe<Order>;
  /** Levels per side: 1 to 1000 (default 20). */
  orderBook: OrderBook;
  /** Newest first. first: 1 to 500. */
  orders: OrderConnection;
  /** Admin: users whose email contains `search` or whose account is `search` (all without it). first: 1 to 200. */
  participants: ParticipantConnection;
  ticker: Ticker;
  tickers: Array<Ticker>;
  /** Most recent first; `after` is a trade's cursor. first: 1 to 1000. */
  trades: TradeConnection;
  /** Admin: users by account number. first: 1 to 500. */
  users: UserConnection;
};


export type QueryAccountBalancesArgs = {
  account: Scalars['ID']['input'];
};


export type QueryAccountStatusArgs = {
  account: Scalars['ID']['input'];
};


export type QueryActorDetailArgs = {
  address: Scalars['String']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type QueryActorTreeViewArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryAdminOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AdminOrderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAdminTradesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AdminTradeFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  target?: InputMaybe<Scalars['String']['input']>;
};


export type QueryCandlesArgs = {
  from?: InputMaybe<Scalars['Timestamp']['input']>;
  interval: CandleInterval;
  limit?: InputMaybe<Scalars['Int']['input']>;
  symbol: Scalars['ID']['input'];
  to?: InputMaybe<Scalars['Timestamp']['input']>;
};


export type QueryFillsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  market?: InputMaybe<Scalars['String']['input']>;
};


export type QueryLedgerEntriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMarketArgs = {
  symbol: Scalars['ID']['input'];
};


export type QueryOrderArgs = {
  clientOrderId?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryOrderBookArgs = {
  depth?: InputMaybe<Scalars['Int']['input']>;
  symbol: Scalars['ID']['input'];
};


export type QueryOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryParticipantsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryTickerArgs = {
  symbol: Scalars['ID']['input'];
};


export type QueryTradesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  symbol: Scalars['ID']['input'];
};


export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type RegisterInput = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

/** Per-order notional (in the market's quote) and open-order limits of an account. */
export type RiskLimits = {
  __typename?: 'RiskLimits';
  exchangeMaxOpenOrders: Scalars['Int']['output'];
  exchangeMaxOrderNotional: Scalars['Decimal']['output'];
  maxOpenOrders: Scalars['Int']['output'];
  maxOrderNotional: Scalars['Decimal']['output'];
};

/** Own limits can only be at or below the exchange's (LIMIT_ABOVE_EXCHANGE otherwise). */
export type RiskLimitsInput = {
  maxOpenOrders: Scalars['Int']['input'];
  maxOrderNotional: Scalars['PositiveDecimal']['input'];
};

export type Role =
  | 'ADMIN'
  | 'SRE'
  | 'USER';

/**
 * One settled fill of the signed-in account as its ledger booked it (entries of kind `fill`): what
 * left the order's hold and what was credited, net of the fee (or with the rebate).
 */
export type SettledFill = {
  __typename?: 'SettledFill';
  /** The ledger transaction id, `fill:<market>:<seq>:<maker|taker>`. */
  id: Scalars['ID']['output'];
  liquidity: Liquidity;
  market: Scalars['String']['output'];
  paid: Amount;
  received: Amount;
  seq: Scalars['String']['output'];
  side: Side;
  time: Scalars['Timestamp']['output'];
};

export type SettledFillConnection = {
  __typename?: 'SettledFillConnection';
  edges: Array<SettledFillEdge>;
  pageInfo: PageInfo;
};

export type SettledFillEdge = {
  __typename?: 'SettledFillEdge';
  cursor: Scalars['String']['output'];
  node: SettledFill;
};

/** A shard host (one process); `down` says why a host did not answer (then it lists nothing). */
export type ShardHost = {
  __typename?: 'ShardHost';
  /** Actors loaded on the host, before the search. */
  actorCount: Scalars['Int']['output'];
  /** The actors that match the search (address or kind), within the limit, by address. */
  actors: Array<ActorInfo>;
  deadLetters: Scalars['Float']['output'];
  down: Maybe<Scalars['String']['output']>;
  host: Scalars['String']['output'];
  /** Null when the host is down. */
  pid: Maybe<Scalars['Int']['output']>;
  supervisors: Array<SupervisorInfo>;
};

export type Side =
  | 'BUY'
  | 'SELL';

export type SreCommandInput = {
  /** Why, in the operator's words (3 to 500 characters); kept in the audit log. */
  reason: Scalars['String']['input'];
  /** Actor address, e.g. `market/BTC-USDT`; it must be loaded (in the tree), except for INSPECT. */
  target: Scalars['String']['input'];
  verb: SreVerb;
};

export type SreCommandResult = {
  __typename?: 'SreCommandResult';
  /** The actor as the tree shows it right after the command (null if it is not loaded). */
  actor: Maybe<ActorInfo>;
  ok: Scalars['Boolean']['output'];
  /** The runtime's answer as JSON text (inspect: the detail; snapshot: the seq). */
  reply: Maybe<Scalars['String']['output']>;
  target: Scalars['String']['output'];
  verb: SreVerb;
};

/** The verbs an SRE may use: look and nurse, never change a user's or a market's business. */
export type SreVerb =
  | 'INSPECT'
  | 'PAUSE'
  | 'RESTART'
  | 'RESUME'
  | 'SNAPSHOT';

/** Self-trade prevention: what happens when an order would trade with its own account's order. */
export type StpMode =
  | 'CANCEL_BOTH'
  | 'CANCEL_INCOMING'
  | 'CANCEL_RESTING'
  | 'DECREMENT_AND_CANCEL'
  | 'NONE';

export type Subscription = {
  __typename?: 'Subscription';
  candles: Candle;
  /** The account's balances, sent again whenever an order or fill of the account changed them. */
  myBalances: Array<Balance>;
  /** The account's fills, after settlement. */
  myFills: Fill;
  /** The account's order changes, after settlement. */
  myOrders: Order;
  /** A SNAPSHOT, then DELTAs with seq/prevSeq; after a gap or a slow read, a fresh SNAPSHOT. */
  orderBook: OrderBookUpdate;
  ticker: Ticker;
  trades: Trade;
};


export type SubscriptionCandlesArgs = {
  interval: CandleInterval;
  symbol: Scalars['ID']['input'];
};


export type SubscriptionOrderBookArgs = {
  depth?: InputMaybe<Scalars['Int']['input']>;
  symbol: Scalars['ID']['input'];
};


export type SubscriptionTickerArgs = {
  symbol: Scalars['ID']['input'];
};


export type SubscriptionTradesArgs = {
  symbol: Scalars['ID']['input'];
};

export type SupervisorInfo = {
  __typename?: 'SupervisorInfo';
  children: Scalars['Int']['output'];
  lastError: Maybe<ActorFailure>;
  name: Scalars['String']['output'];
  restarts: Scalars['Int']['output'];
};

export type Ticker = {
  __typename?: 'Ticker';
  bestAsk: Maybe<Scalars['Decimal']['output']>;
  bestBid: Maybe<Scalars['Decimal']['output']>;
  change: Scalars['Decimal']['output'];
  changeBps: Scalars['Int']['output'];
  high: Maybe<Scalars['Decimal']['output']>;
  last: Maybe<Scalars['Decimal']['output']>;
  low: Maybe<Scalars['Decimal']['output']>;
  open: Maybe<Scalars['Decimal']['output']>;
  /** Quote traded over the last 24 hours. */
  quoteVolume: Scalars['Decimal']['output'];
  symbol: Scalars['ID']['output'];
  time: Scalars['Timestamp']['output'];
  trades: Scalars['Int']['output'];
  /** Base traded over the last 24 hours. */
  volume: Scalars['Decimal']['output'];
};

export type TotpSetup = {
  __typename?: 'TotpSetup';
  secret: Scalars['String']['output'];
  /** otpauth:// URI for an authenticator app. */
  uri: Scalars['String']['output'];
};

export type Trade = {
  __typename?: 'Trade';
  price: Scalars['Decimal']['output'];
  /** The fill's market sequence number: unique and increasing per market. */
  seq: Scalars['String']['output'];
  size: Scalars['Decimal']['output'];
  symbol: Scalars['ID']['output'];
  takerSide: Side;
  time: Scalars['Timestamp']['output'];
};

export type TradeConnection = {
  __typename?: 'TradeConnection';
  edges: Array<TradeEdge>;
  pageInfo: PageInfo;
};

export type TradeEdge = {
  __typename?: 'TradeEdge';
  cursor: Scalars['String']['output'];
  node: Trade;
};

export type User = {
  __typename?: 'User';
  account: Scalars['ID']['output'];
  createdAt: Scalars['Timestamp']['output'];
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  mfaEnabled: Scalars['Boolean']['output'];
  roles: Array<Role>;
};

export type UserConnection = {
  __typename?: 'UserConnection';
  edges: Array<UserEdge>;
  pageInfo: PageInfo;
};

export type UserEdge = {
  __typename?: 'UserEdge';
  cursor: Scalars['String']['output'];
  node: User;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AccountStatus: ResolverTypeWrapper<AccountStatusModelModel>;
  ActorDetail: ResolverTypeWrapper<ActorDetailModelModel>;
  ActorFailure: ResolverTypeWrapper<ActorFailure>;
  ActorInfo: ResolverTypeWrapper<ActorInfo>;
  ActorLatency: ResolverTypeWrapper<ActorLatency>;
  ActorStatus: ActorStatus;
  ActorTree: ResolverTypeWrapper<ActorTree>;
  AdminCommandInput: AdminCommandInput;
  AdminCommandResult: ResolverTypeWrapper<AdminCommandResult>;
  AdminMarket: ResolverTypeWrapper<AdminMarketModelModel>;
  AdminOrder: ResolverTypeWrapper<AdminOrderModelModel>;
  AdminOrderConnection: ResolverTypeWrapper<Omit<AdminOrderConnection, 'edges'> & { edges: Array<ResolversTypes['AdminOrderEdge']> }>;
  AdminOrderEdge: ResolverTypeWrapper<Omit<AdminOrderEdge, 'node'> & { node: ResolversTypes['AdminOrder'] }>;
  AdminOrderFilter: AdminOrderFilter;
  AdminTrade: ResolverTypeWrapper<AdminTradeModelModel>;
  AdminTradeConnection: ResolverTypeWrapper<Omit<AdminTradeConnection, 'edges'> & { edges: Array<ResolversTypes['AdminTradeEdge']> }>;
  AdminTradeEdge: ResolverTypeWrapper<Omit<AdminTradeEdge, 'node'> & { node: ResolversTypes['AdminTrade'] }>;
  AdminTradeFilter: AdminTradeFilter;
  AmendOrderInput: AmendOrderInput;
  Amount: ResolverTypeWrapper<AmountModelModel>;
  ApiKey: ResolverTypeWrapper<ApiKeyRecordModel>;
  ApiKeyScope: ApiKeyScope;
  AuditEntry: ResolverTypeWrapper<AuditEntryModelModel>;
  AuditEntryConnection: ResolverTypeWrapper<Omit<AuditEntryConnection, 'edges'> & { edges: Array<ResolversTypes['AuditEntryEdge']> }>;
  AuditEntryEdge: ResolverTypeWrapper<Omit<AuditEntryEdge, 'node'> & { node: ResolversTypes['AuditEntry'] }>;
  AuthPayload: ResolverTypeWrapper<AuthPayloadModel>;
  Balance: ResolverTypeWrapper<BalanceViewModel>;
  BalanceAdjustment: ResolverTypeWrapper<BalanceAdjustmentModelModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CancelAllPayload: ResolverTypeWrapper<CancelAllPayload>;
  Candle: ResolverTypeWrapper<CandleModel>;
  CandleInterval: null;
  CreateApiKeyInput: CreateApiKeyInput;
  CreateMarketInput: CreateMarketInput;
  CreatedApiKey: ResolverTypeWrapper<CreatedApiKeyModelModel>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  Fee: ResolverTypeWrapper<Fee>;
  FeeSchedule: ResolverTypeWrapper<Omit<FeeSchedule, 'qtraTiers' | 'tiers'> & { qtraTiers: Array<ResolversTypes['FeeTier']>, tiers: Array<ResolversTypes['FeeTier']> }>;
  FeeTier: ResolverTypeWrapper<FeeTierModel>;
  Fill: ResolverTypeWrapper<AccountFillModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  LedgerEntry: ResolverTypeWrapper<LedgerEntryModel>;
  LedgerEntryConnection: ResolverTypeWrapper<Omit<LedgerEntryConnection, 'edges'> & { edges: Array<ResolversTypes['LedgerEntryEdge']> }>;
  LedgerEntryEdge: ResolverTypeWrapper<Omit<LedgerEntryEdge, 'node'> & { node: ResolversTypes['LedgerEntry'] }>;
  Liquidity: Liquidity;
  LoginInput: LoginInput;
  Market: ResolverTypeWrapper<MarketSpecModel>;
  MarketMakerConfig: ResolverTypeWrapper<MarketMakerConfigModelModel>;
  MarketMakerConfigInput: MarketMakerConfigInput;
  MarketMakerStatus: ResolverTypeWrapper<MarketMakerStatusModelModel>;
  MarketRiskLimits: ResolverTypeWrapper<MarketRiskLimitsModelModel>;
  MarketRiskLimitsInput: MarketRiskLimitsInput;
  MarketStatus: MarketStatus;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  MyFeeTier: ResolverTypeWrapper<MyFeeTier>;
  Order: ResolverTypeWrapper<AccountOrderModel>;
  OrderBook: ResolverTypeWrapper<BookSnapshotL2Model>;
  OrderBookUpdate: ResolverTypeWrapper<OrderBookUpdateModelModel>;
  OrderBookUpdateType: OrderBookUpdateType;
  OrderConnection: ResolverTypeWrapper<Omit<OrderConnection, 'edges'> & { edges: Array<ResolversTypes['OrderEdge']> }>;
  OrderEdge: ResolverTypeWrapper<Omit<OrderEdge, 'node'> & { node: ResolversTypes['Order'] }>;
  OrderFilter: OrderFilter;
  OrderStatus: null;
  OrderType: OrderType;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Participant: ResolverTypeWrapper<ParticipantModelModel>;
  ParticipantConnection: ResolverTypeWrapper<Omit<ParticipantConnection, 'edges'> & { edges: Array<ResolversTypes['ParticipantEdge']> }>;
  ParticipantEdge: ResolverTypeWrapper<Omit<ParticipantEdge, 'node'> & { node: ResolversTypes['Participant'] }>;
  PlaceOrderInput: PlaceOrderInput;
  PositiveDecimal: ResolverTypeWrapper<Scalars['PositiveDecimal']['output']>;
  PriceLevel: ResolverTypeWrapper<PriceLevelModelModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegisterInput: RegisterInput;
  RiskLimits: ResolverTypeWrapper<EffectiveLimitsModel>;
  RiskLimitsInput: RiskLimitsInput;
  Role: Role;
  SettledFill: ResolverTypeWrapper<SettledFillModelModel>;
  SettledFillConnection: ResolverTypeWrapper<Omit<SettledFillConnection, 'edges'> & { edges: Array<ResolversTypes['SettledFillEdge']> }>;
  SettledFillEdge: ResolverTypeWrapper<Omit<SettledFillEdge, 'node'> & { node: ResolversTypes['SettledFill'] }>;
  ShardHost: ResolverTypeWrapper<ShardHost>;
  Side: Side;
  SreCommandInput: SreCommandInput;
  SreCommandResult: ResolverTypeWrapper<SreCommandResult>;
  SreVerb: SreVerb;
  StpMode: StpMode;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SupervisorInfo: ResolverTypeWrapper<SupervisorInfo>;
  Ticker: ResolverTypeWrapper<TickerModel>;
  Timestamp: ResolverTypeWrapper<Scalars['Timestamp']['output']>;
  TotpSetup: ResolverTypeWrapper<TotpSetup>;
  Trade: ResolverTypeWrapper<TradeModel>;
  TradeConnection: ResolverTypeWrapper<Omit<TradeConnection, 'edges'> & { edges: Array<ResolversTypes['TradeEdge']> }>;
  TradeEdge: ResolverTypeWrapper<Omit<TradeEdge, 'node'> & { node: ResolversTypes['Trade'] }>;
  User: ResolverTypeWrapper<PrincipalModel>;
  UserConnection: ResolverTypeWrapper<Omit<UserConnection, 'edges'> & { edges: Array<ResolversTypes['UserEdge']> }>;
  UserEdge: ResolverTypeWrapper<Omit<UserEdge, 'node'> & { node: ResolversTypes['User'] }>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AccountStatus: AccountStatusModelModel;
  ActorDetail: ActorDetailModelModel;
  ActorFailure: ActorFailure;
  ActorInfo: ActorInfo;
  ActorLatency: ActorLatency;
  ActorTree: ActorTree;
  AdminCommandInput: AdminCommandInput;
  AdminCommandResult: AdminCommandResult;
  AdminMarket: AdminMarketModelModel;
  AdminOrder: AdminOrderModelModel;
  AdminOrderConnection: Omit<AdminOrderConnection, 'edges'> & { edges: Array<ResolversParentTypes['AdminOrderEdge']> };
  AdminOrderEdge: Omit<AdminOrderEdge, 'node'> & { node: ResolversParentTypes['AdminOrder'] };
  AdminOrderFilter: AdminOrderFilter;
  AdminTrade: AdminTradeModelModel;
  AdminTradeConnection: Omit<AdminTradeConnection, 'edges'> & { edges: Array<ResolversParentTypes['AdminTradeEdge']> };
  AdminTradeEdge: Omit<AdminTradeEdge, 'node'> & { node: ResolversParentTypes['AdminTrade'] };
  AdminTradeFilter: AdminTradeFilter;
  AmendOrderInput: AmendOrderInput;
  Amount: AmountModelModel;
  ApiKey: ApiKeyRecordModel;
  AuditEntry: AuditEntryModelModel;
  AuditEntryConnection: Omit<AuditEntryConnection, 'edges'> & { edges: Array<ResolversParentTypes['AuditEntryEdge']> };
  AuditEntryEdge: Omit<AuditEntryEdge, 'node'> & { node: ResolversParentTypes['AuditEntry'] };
  AuthPayload: AuthPayloadModel;
  Balance: BalanceViewModel;
  BalanceAdjustment: BalanceAdjustmentModelModel;
  Boolean: Scalars['Boolean']['output'];
  CancelAllPayload: CancelAllPayload;
  Candle: CandleModel;
  CreateApiKeyInput: CreateApiKeyInput;
  CreateMarketInput: CreateMarketInput;
  CreatedApiKey: CreatedApiKeyModelModel;
  Decimal: Scalars['Decimal']['output'];
  Fee: Fee;
  FeeSchedule: Omit<FeeSchedule, 'qtraTiers' | 'tiers'> & { qtraTiers: Array<ResolversParentTypes['FeeTier']>, tiers: Array<ResolversParentTypes['FeeTier']> };
  FeeTier: FeeTierModel;
  Fill: AccountFillModel;
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  LedgerEntry: LedgerEntryModel;
  LedgerEntryConnection: Omit<LedgerEntryConnection, 'edges'> & { edges: Array<ResolversParentTypes['LedgerEntryEdge']> };
  LedgerEntryEdge: Omit<LedgerEntryEdge, 'node'> & { node: ResolversParentTypes['LedgerEntry'] };
  LoginInput: LoginInput;
  Market: MarketSpecModel;
  MarketMakerConfig: MarketMakerConfigModelModel;
  MarketMakerConfigInput: MarketMakerConfigInput;
  MarketMakerStatus: MarketMakerStatusModelModel;
  MarketRiskLimits: MarketRiskLimitsModelModel;
  MarketRiskLimitsInput: MarketRiskLimitsInput;
  Mutation: Record<PropertyKey, never>;
  MyFeeTier: MyFeeTier;
  Order: AccountOrderModel;
  OrderBook: BookSnapshotL2Model;
  OrderBookUpdate: OrderBookUpdateModelModel;
  OrderConnection: Omit<OrderConnection, 'edges'> & { edges: Array<ResolversParentTypes['OrderEdge']> };
  OrderEdge: Omit<OrderEdge, 'node'> & { node: ResolversParentTypes['Order'] };
  OrderFilter: OrderFilter;
  PageInfo: PageInfo;
  Participant: ParticipantModelModel;
  ParticipantConnection: Omit<ParticipantConnection, 'edges'> & { edges: Array<ResolversParentTypes['ParticipantEdge']> };
  ParticipantEdge: Omit<ParticipantEdge, 'node'> & { node: ResolversParentTypes['Participant'] };
  PlaceOrderInput: PlaceOrderInput;
  PositiveDecimal: Scalars['PositiveDecimal']['output'];
  PriceLevel: PriceLevelModelModel;
  Query: Record<PropertyKey, never>;
  RegisterInput: RegisterInput;
  RiskLimits: EffectiveLimitsModel;
  RiskLimitsInput: RiskLimitsInput;
  SettledFill: SettledFillModelModel;
  SettledFillConnection: Omit<SettledFillConnection, 'edges'> & { edges: Array<ResolversParentTypes['SettledFillEdge']> };
  SettledFillEdge: Omit<SettledFillEdge, 'node'> & { node: ResolversParentTypes['SettledFill'] };
  ShardHost: ShardHost;
  SreCommandInput: SreCommandInput;
  SreCommandResult: SreCommandResult;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  SupervisorInfo: SupervisorInfo;
  Ticker: TickerModel;
  Timestamp: Scalars['Timestamp']['output'];
  TotpSetup: TotpSetup;
  Trade: TradeModel;
  TradeConnection: Omit<TradeConnection, 'edges'> & { edges: Array<ResolversParentTypes['TradeEdge']> };
  TradeEdge: Omit<TradeEdge, 'node'> & { node: ResolversParentTypes['Trade'] };
  User: PrincipalModel;
  UserConnection: Omit<UserConnection, 'edges'> & { edges: Array<ResolversParentTypes['UserEdge']> };
  UserEdge: Omit<UserEdge, 'node'> & { node: ResolversParentTypes['User'] };
};

export type AccountStatusResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['AccountStatus'] = ResolversParentTypes['AccountStatus']> = {
  account?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  frozen?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  jurisdiction?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kycTier?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ActorDetailResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['ActorDetail'] = ResolversParentTypes['ActorDetail']> = {
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  mailboxDepth?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  restarts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  summary?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ActorFailureResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['ActorFailure'] = ResolversParentTypes['ActorFailure']> = {
  at?: Resolver<ResolversTypes['Timestamp'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ActorInfoResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['ActorInfo'] = ResolversParentTypes['ActorInfo']> = {
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['ActorFailure']>, ParentType, ContextType>;
  latency?: Resolver<ResolversTypes['ActorLatency'], ParentType, ContextType>;
  mailboxDepth?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  msgsPerSec?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  processed?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  rejected?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  restarts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ActorStatus'], ParentType, ContextType>;
};

export type ActorLatencyResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['ActorLatency'] = ResolversParentTypes['ActorLatency']> = {
  count?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  meanUs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  p50Us?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  p99Us?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ActorTreeResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['ActorTree'] = ResolversParentTypes['ActorTree']> = {
  at?: Resolver<ResolversTypes['Timestamp'], ParentType, ContextType>;
  healthUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hosts?: Resolver<Array<ResolversTypes['ShardHost']>, ParentType, ContextType>;
  matched?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  metricsUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  truncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type AdminCommandResultResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['AdminCommandResult'] = ResolversParentTypes['AdminCommandResult']> = {
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reply?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AdminMarketResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['AdminMarket'] = ResolversParentTypes['AdminMarket']> = {
  base?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<Maybe<ResolversTypes['Timestamp']>, ParentType, ContextType>;
  createdBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  limits?: Resolver<Maybe<ResolversTypes['MarketRiskLimits']>, ParentType, ContextType>;
  live?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lotSize?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  maxPrice?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  quote?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  referencePrice?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['MarketStatus']>, ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  tickSize?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
};

export type AdminOrderResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['AdminOrder'] = ResolversParentTypes['AdminOrder']> = {
  account?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  averagePrice?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  clientOrderId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['Timestamp'], ParentType, ContextType>;
  fees?: Resolver<Array<ResolversTypes['Fee']>, ParentType, ContextType>;
  filledNotional?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  filledSize?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  market?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  price?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  quote?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  remainingSize?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  side?: Resolver<ResolversTypes['Side'], ParentType, ContextType>;
  size?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
  stopPrice?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['OrderType'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['Timestamp'], ParentType, ContextType>;
};

export type AdminOrderConnectionResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['AdminOrderConnection'] = ResolversParentTypes['AdminOrderConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AdminOrderEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type AdminOrderEdgeResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['AdminOrderEdge'] = ResolversParentTypes['AdminOrderEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AdminOrder'], ParentType, ContextType>;
};

export type AdminTradeResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['AdminTrade'] = ResolversParentTypes['AdminTrade']> = {
  account?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  liquidity?: Resolver<ResolversTypes['Liquidity'], ParentType, ContextType>;
  market?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  paid?: Resolver<ResolversTypes['Amount'], ParentType, ContextType>;
  received?: Resolver<ResolversTypes['Amount'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  side?: Resolver<ResolversTypes['Side'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['Timestamp'], ParentType, ContextType>;
};

export type AdminTradeConnectionResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['AdminTradeConnection'] = ResolversParentTypes['AdminTradeConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AdminTradeEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type AdminTradeEdgeResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['AdminTradeEdge'] = ResolversParentTypes['AdminTradeEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AdminTrade'], ParentType, ContextType>;
};

export type AmountResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['Amount'] = ResolversParentTypes['Amount']> = {
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  asset?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ApiKeyResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = {
  createdAt?: Resolver<ResolversTypes['Timestamp'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ipAllowlist?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['Timestamp']>, ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['Timestamp']>, ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['ApiKeyScope']>, ParentType, ContextType>;
};

export type AuditEntryResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  at?: Resolver<ResolversTypes['Timestamp'], ParentType, ContextType>;
  detail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  principal?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  verb?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AuditEntryConnectionResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['AuditEntryConnection'] = ResolversParentTypes['AuditEntryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AuditEntryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type AuditEntryEdgeResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['AuditEntryEdge'] = ResolversParentTypes['AuditEntryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AuditEntry'], ParentType, ContextType>;
};

export type AuthPayloadResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['AuthPayload'] = ResolversParentTypes['AuthPayload']> = {
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['Timestamp'], ParentType, ContextType>;
  refreshToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type BalanceResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['Balance'] = ResolversParentTypes['Balance']> = {
  asset?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  available?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  locked?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
};

export type BalanceAdjustmentResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['BalanceAdjustment'] = ResolversParentTypes['BalanceAdjustment']> = {
  account?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  asset?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  balances?: Resolver<Array<ResolversTypes['Balance']>, ParentType, ContextType>;
  txId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CancelAllPayloadResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['CancelAllPayload'] = ResolversParentTypes['CancelAllPayload']> = {
  cancelled?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CandleResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['Candle'] = ResolversParentTypes['Candle']> = {
  close?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  high?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  interval?: Resolver<ResolversTypes['CandleInterval'], ParentType, ContextType>;
  low?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  openTime?: Resolver<ResolversTypes['Timestamp'], ParentType, ContextType>;
  quoteVolume?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  trades?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  volume?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
};

export type CandleIntervalResolvers = { D1: '1d', H1: '1h', H4: '4h', M1: '1m', M5: '5m', M15: '15m', W1: '1w' };

export type CreatedApiKeyResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['CreatedApiKey'] = ResolversParentTypes['CreatedApiKey']> = {
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type FeeResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['Fee'] = ResolversParentTypes['Fee']> = {
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  asset?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type FeeScheduleResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['FeeSchedule'] = ResolversParentTypes['FeeSchedule']> = {
  qtraHolderThreshold?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  qtraTiers?: Resolver<Array<ResolversTypes['FeeTier']>, ParentType, ContextType>;
  tiers?: Resolver<Array<ResolversTypes['FeeTier']>, ParentType, ContextType>;
};

export type FeeTierResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['FeeTier'] = ResolversParentTypes['FeeTier']> = {
  makerBps?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  minVolumeUsd?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  takerBps?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type FillResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['Fill'] = ResolversParentTypes['Fill']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  liquidity?: Resolver<ResolversTypes['Liquidity'], ParentType, ContextType>;
  market?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  side?: Resolver<ResolversTypes['Side'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['Timestamp'], ParentType, ContextType>;
};

export type LedgerEntryResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['LedgerEntry'] = ResolversParentTypes['LedgerEntry']> = {
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  asset?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  bucket?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['Timestamp'], ParentType, ContextType>;
  txId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type LedgerEntryConnectionResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['LedgerEntryConnection'] = ResolversParentTypes['LedgerEntryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['LedgerEntryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type LedgerEntryEdgeResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['LedgerEntryEdge'] = ResolversParentTypes['LedgerEntryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['LedgerEntry'], ParentType, ContextType>;
};

export type MarketResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['Market'] = ResolversParentTypes['Market']> = {
  base?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lotSize?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  maxPrice?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  maxSize?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  minNotional?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  minSize?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  priceBandBps?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  quote?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MarketStatus'], ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  tickSize?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  ticker?: Resolver<ResolversTypes['Ticker'], ParentType, ContextType>;
};

export type MarketMakerConfigResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['MarketMakerConfig'] = ResolversParentTypes['MarketMakerConfig']> = {
  inventorySkew?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  levelSpacingBps?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  levels?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxInventory?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  minInventory?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  minOrderSize?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  orderSize?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  spreadBps?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  targetInventory?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
};

export type MarketMakerStatusResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['MarketMakerStatus'] = ResolversParentTypes['MarketMakerStatus']> = {
  account?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  config?: Resolver<ResolversTypes['MarketMakerConfig'], ParentType, ContextType>;
  inventory?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  lastMid?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  market?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  openQuotes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  refreshes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  running?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type MarketRiskLimitsResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['MarketRiskLimits'] = ResolversParentTypes['MarketRiskLimits']> = {
  maxSize?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  maxSizeCeiling?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  minNotional?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  minSize?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  priceBandBps?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  actorCommand?: Resolver<ResolversTypes['AdminCommandResult'], ParentType, ContextType, RequireFields<MutationActorCommandArgs, 'input'>>;
  adjustBalance?: Resolver<ResolversTypes['BalanceAdjustment'], ParentType, ContextType, RequireFields<MutationAdjustBalanceArgs, 'account' | 'amount' | 'asset' | 'reason' | 'txId'>>;
  amendOrder?: Resolver<ResolversTypes['Order'], ParentType, ContextType, RequireFields<MutationAmendOrderArgs, 'input'>>;
  cancelAll?: Resolver<ResolversTypes['CancelAllPayload'], ParentType, ContextType>;
  cancelOrder?: Resolver<ResolversTypes['Order'], ParentType, ContextType, RequireFields<MutationCancelOrderArgs, 'id'>>;
  createApiKey?: Resolver<ResolversTypes['CreatedApiKey'], ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'input'>>;
  createMarket?: Resolver<ResolversTypes['AdminMarket'], ParentType, ContextType, RequireFields<MutationCreateMarketArgs, 'input' | 'reason'>>;
  disableTotp?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDisableTotpArgs, 'code'>>;
  enableTotp?: Resolver<ResolversTypes['TotpSetup'], ParentType, ContextType>;
  freezeAccount?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationFreezeAccountArgs, 'account' | 'frozen' | 'reason'>>;
  haltMarket?: Resolver<ResolversTypes['Market'], ParentType, ContextType, RequireFields<MutationHaltMarketArgs, 'reason' | 'symbol'>>;
  login?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationLoginArgs, 'input'>>;
  logout?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, Partial<MutationLogoutArgs>>;
  placeOrder?: Resolver<ResolversTypes['Order'], ParentType, ContextType, RequireFields<MutationPlaceOrderArgs, 'input'>>;
  refresh?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationRefreshArgs, 'refreshToken'>>;
  register?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationRegisterArgs, 'input'>>;
  requestPasswordReset?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRequestPasswordResetArgs, 'email'>>;
  resetPassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationResetPasswordArgs, 'password' | 'token'>>;
  resumeMarket?: Resolver<ResolversTypes['Market'], ParentType, ContextType, RequireFields<MutationResumeMarketArgs, 'reason' | 'symbol'>>;
  revokeApiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'id'>>;
  rotateApiKey?: Resolver<ResolversTypes['CreatedApiKey'], ParentType, ContextType, RequireFields<MutationRotateApiKeyArgs, 'id'>>;
  setKyc?: Resolver<ResolversTypes['AccountStatus'], ParentType, ContextType, RequireFields<MutationSetKycArgs, 'account' | 'reason' | 'tier'>>;
  setMarketMakerConfig?: Resolver<ResolversTypes['MarketMakerStatus'], ParentType, ContextType, RequireFields<MutationSetMarketMakerConfigArgs, 'input' | 'market' | 'reason'>>;
  setMarketRiskLimits?: Resolver<ResolversTypes['AdminMarket'], ParentType, ContextType, RequireFields<MutationSetMarketRiskLimitsArgs, 'input' | 'reason' | 'symbol'>>;
  setMarketStatus?: Resolver<ResolversTypes['AdminMarket'], ParentType, ContextType, RequireFields<MutationSetMarketStatusArgs, 'reason' | 'status' | 'symbol'>>;
  setMyRiskLimits?: Resolver<ResolversTypes['RiskLimits'], ParentType, ContextType, Partial<MutationSetMyRiskLimitsArgs>>;
  setUserRoles?: Resolver<ResolversTypes['Participant'], ParentType, ContextType, RequireFields<MutationSetUserRolesArgs, 'reason' | 'roles' | 'userId'>>;
  sreCommand?: Resolver<ResolversTypes['SreCommandResult'], ParentType, ContextType, RequireFields<MutationSreCommandArgs, 'input'>>;
  startMarketMaker?: Resolver<Array<ResolversTypes['MarketMakerStatus']>, ParentType, ContextType, RequireFields<MutationStartMarketMakerArgs, 'reason'>>;
  stopMarketMaker?: Resolver<Array<ResolversTypes['MarketMakerStatus']>, ParentType, ContextType, RequireFields<MutationStopMarketMakerArgs, 'reason'>>;
  verifyTotp?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationVerifyTotpArgs, 'code'>>;
};

export type MyFeeTierResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['MyFeeTier'] = ResolversParentTypes['MyFeeTier']> = {
  makerBps?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  takerBps?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type OrderResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order']> = {
  averagePrice?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  clientOrderId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['Timestamp'], ParentType, ContextType>;
  fees?: Resolver<Array<ResolversTypes['Fee']>, ParentType, ContextType>;
  filledNotional?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  filledSize?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  market?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  postOnly?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  price?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  quote?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  remainingSize?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  side?: Resolver<ResolversTypes['Side'], ParentType, ContextType>;
  size?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
  stopPrice?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  stp?: Resolver<ResolversTypes['StpMode'], ParentType, ContextType>;
  triggered?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['OrderType'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['Timestamp'], ParentType, ContextType>;
};

export type OrderBookResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['OrderBook'] = ResolversParentTypes['OrderBook']> = {
  asks?: Resolver<Array<ResolversTypes['PriceLevel']>, ParentType, ContextType>;
  bids?: Resolver<Array<ResolversTypes['PriceLevel']>, ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type OrderBookUpdateResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['OrderBookUpdate'] = ResolversParentTypes['OrderBookUpdate']> = {
  asks?: Resolver<Array<ResolversTypes['PriceLevel']>, ParentType, ContextType>;
  bids?: Resolver<Array<ResolversTypes['PriceLevel']>, ParentType, ContextType>;
  prevSeq?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['OrderBookUpdateType'], ParentType, ContextType>;
};

export type OrderConnectionResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['OrderConnection'] = ResolversParentTypes['OrderConnection']> = {
  edges?: Resolver<Array<ResolversTypes['OrderEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type OrderEdgeResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['OrderEdge'] = ResolversParentTypes['OrderEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
};

export type OrderStatusResolvers = { CANCELLED: 'Cancelled', EXPIRED: 'Expired', FILLED: 'Filled', NEW: 'New', PARTIALLY_FILLED: 'PartiallyFilled', PENDING_NEW: 'PendingNew', REJECTED: 'Rejected' };

export type PageInfoResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ParticipantResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['Participant'] = ResolversParentTypes['Participant']> = {
  account?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['Timestamp'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  frozen?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  jurisdiction?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kycTier?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  loginFrozen?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  mfaEnabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
};

export type ParticipantConnectionResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['ParticipantConnection'] = ResolversParentTypes['ParticipantConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ParticipantEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ParticipantEdgeResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['ParticipantEdge'] = ResolversParentTypes['ParticipantEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Participant'], ParentType, ContextType>;
};

export interface PositiveDecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['PositiveDecimal'], any> {
  name: 'PositiveDecimal';
}

export type PriceLevelResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['PriceLevel'] = ResolversParentTypes['PriceLevel']> = {
  price?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  accountBalances?: Resolver<Array<ResolversTypes['Balance']>, ParentType, ContextType, RequireFields<QueryAccountBalancesArgs, 'account'>>;
  accountStatus?: Resolver<ResolversTypes['AccountStatus'], ParentType, ContextType, RequireFields<QueryAccountStatusArgs, 'account'>>;
  actorDetail?: Resolver<Maybe<ResolversTypes['ActorDetail']>, ParentType, ContextType, RequireFields<QueryActorDetailArgs, 'address'>>;
  actorTree?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actorTreeView?: Resolver<ResolversTypes['ActorTree'], ParentType, ContextType, RequireFields<QueryActorTreeViewArgs, 'limit'>>;
  adminMarkets?: Resolver<Array<ResolversTypes['AdminMarket']>, ParentType, ContextType>;
  adminOrders?: Resolver<ResolversTypes['AdminOrderConnection'], ParentType, ContextType, RequireFields<QueryAdminOrdersArgs, 'first'>>;
  adminTrades?: Resolver<ResolversTypes['AdminTradeConnection'], ParentType, ContextType, RequireFields<QueryAdminTradesArgs, 'first'>>;
  apiKeys?: Resolver<Array<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  auditLog?: Resolver<ResolversTypes['AuditEntryConnection'], ParentType, ContextType, RequireFields<QueryAuditLogArgs, 'first'>>;
  balances?: Resolver<Array<ResolversTypes['Balance']>, ParentType, ContextType>;
  candles?: Resolver<Array<ResolversTypes['Candle']>, ParentType, ContextType, RequireFields<QueryCandlesArgs, 'interval' | 'limit' | 'symbol'>>;
  feeSchedule?: Resolver<ResolversTypes['FeeSchedule'], ParentType, ContextType>;
  fills?: Resolver<ResolversTypes['SettledFillConnection'], ParentType, ContextType, RequireFields<QueryFillsArgs, 'first'>>;
  ledgerEntries?: Resolver<ResolversTypes['LedgerEntryConnection'], ParentType, ContextType, RequireFields<QueryLedgerEntriesArgs, 'first'>>;
  market?: Resolver<Maybe<ResolversTypes['Market']>, ParentType, ContextType, RequireFields<QueryMarketArgs, 'symbol'>>;
  marketMakers?: Resolver<Array<ResolversTypes['MarketMakerStatus']>, ParentType, ContextType>;
  markets?: Resolver<Array<ResolversTypes['Market']>, ParentType, ContextType>;
  me?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  myFeeTier?: Resolver<ResolversTypes['MyFeeTier'], ParentType, ContextType>;
  myRiskLimits?: Resolver<ResolversTypes['RiskLimits'], ParentType, ContextType>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType, Partial<QueryOrderArgs>>;
  orderBook?: Resolver<ResolversTypes['OrderBook'], ParentType, ContextType, RequireFields<QueryOrderBookArgs, 'depth' | 'symbol'>>;
  orders?: Resolver<ResolversTypes['OrderConnection'], ParentType, ContextType, RequireFields<QueryOrdersArgs, 'first'>>;
  participants?: Resolver<ResolversTypes['ParticipantConnection'], ParentType, ContextType, RequireFields<QueryParticipantsArgs, 'first'>>;
  ticker?: Resolver<ResolversTypes['Ticker'], ParentType, ContextType, RequireFields<QueryTickerArgs, 'symbol'>>;
  tickers?: Resolver<Array<ResolversTypes['Ticker']>, ParentType, ContextType>;
  trades?: Resolver<ResolversTypes['TradeConnection'], ParentType, ContextType, RequireFields<QueryTradesArgs, 'first' | 'symbol'>>;
  users?: Resolver<ResolversTypes['UserConnection'], ParentType, ContextType, RequireFields<QueryUsersArgs, 'first'>>;
};

export type RiskLimitsResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['RiskLimits'] = ResolversParentTypes['RiskLimits']> = {
  exchangeMaxOpenOrders?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  exchangeMaxOrderNotional?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  maxOpenOrders?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxOrderNotional?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
};

export type SettledFillResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['SettledFill'] = ResolversParentTypes['SettledFill']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  liquidity?: Resolver<ResolversTypes['Liquidity'], ParentType, ContextType>;
  market?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  paid?: Resolver<ResolversTypes['Amount'], ParentType, ContextType>;
  received?: Resolver<ResolversTypes['Amount'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  side?: Resolver<ResolversTypes['Side'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['Timestamp'], ParentType, ContextType>;
};

export type SettledFillConnectionResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['SettledFillConnection'] = ResolversParentTypes['SettledFillConnection']> = {
  edges?: Resolver<Array<ResolversTypes['SettledFillEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type SettledFillEdgeResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['SettledFillEdge'] = ResolversParentTypes['SettledFillEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['SettledFill'], ParentType, ContextType>;
};

export type ShardHostResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['ShardHost'] = ResolversParentTypes['ShardHost']> = {
  actorCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  actors?: Resolver<Array<ResolversTypes['ActorInfo']>, ParentType, ContextType>;
  deadLetters?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  down?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  host?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pid?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  supervisors?: Resolver<Array<ResolversTypes['SupervisorInfo']>, ParentType, ContextType>;
};

export type SreCommandResultResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['SreCommandResult'] = ResolversParentTypes['SreCommandResult']> = {
  actor?: Resolver<Maybe<ResolversTypes['ActorInfo']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reply?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  target?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  verb?: Resolver<ResolversTypes['SreVerb'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  candles?: SubscriptionResolver<ResolversTypes['Candle'], "candles", ParentType, ContextType, RequireFields<SubscriptionCandlesArgs, 'interval' | 'symbol'>>;
  myBalances?: SubscriptionResolver<Array<ResolversTypes['Balance']>, "myBalances", ParentType, ContextType>;
  myFills?: SubscriptionResolver<ResolversTypes['Fill'], "myFills", ParentType, ContextType>;
  myOrders?: SubscriptionResolver<ResolversTypes['Order'], "myOrders", ParentType, ContextType>;
  orderBook?: SubscriptionResolver<ResolversTypes['OrderBookUpdate'], "orderBook", ParentType, ContextType, RequireFields<SubscriptionOrderBookArgs, 'depth' | 'symbol'>>;
  ticker?: SubscriptionResolver<ResolversTypes['Ticker'], "ticker", ParentType, ContextType, RequireFields<SubscriptionTickerArgs, 'symbol'>>;
  trades?: SubscriptionResolver<ResolversTypes['Trade'], "trades", ParentType, ContextType, RequireFields<SubscriptionTradesArgs, 'symbol'>>;
};

export type SupervisorInfoResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['SupervisorInfo'] = ResolversParentTypes['SupervisorInfo']> = {
  children?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['ActorFailure']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  restarts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TickerResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['Ticker'] = ResolversParentTypes['Ticker']> = {
  bestAsk?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  bestBid?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  change?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  changeBps?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  high?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  last?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  low?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  open?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  quoteVolume?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['Timestamp'], ParentType, ContextType>;
  trades?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  volume?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
};

export interface TimestampScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Timestamp'], any> {
  name: 'Timestamp';
}

export type TotpSetupResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['TotpSetup'] = ResolversParentTypes['TotpSetup']> = {
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  uri?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TradeResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['Trade'] = ResolversParentTypes['Trade']> = {
  price?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  takerSide?: Resolver<ResolversTypes['Side'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['Timestamp'], ParentType, ContextType>;
};

export type TradeConnectionResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['TradeConnection'] = ResolversParentTypes['TradeConnection']> = {
  edges?: Resolver<Array<ResolversTypes['TradeEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type TradeEdgeResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['TradeEdge'] = ResolversParentTypes['TradeEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Trade'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  account?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['Timestamp'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mfaEnabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
};

export type UserConnectionResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['UserConnection'] = ResolversParentTypes['UserConnection']> = {
  edges?: Resolver<Array<ResolversTypes['UserEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type UserEdgeResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['UserEdge'] = ResolversParentTypes['UserEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphContext> = {
  AccountStatus?: AccountStatusResolvers<ContextType>;
  ActorDetail?: ActorDetailResolvers<ContextType>;
  ActorFailure?: ActorFailureResolvers<ContextType>;
  ActorInfo?: ActorInfoResolvers<ContextType>;
  ActorLatency?: ActorLatencyResolvers<ContextType>;
  ActorTree?: ActorTreeResolvers<ContextType>;
  AdminCommandResult?: AdminCommandResultResolvers<ContextType>;
  AdminMarket?: AdminMarketResolvers<ContextType>;
  AdminOrder?: AdminOrderResolvers<ContextType>;
  AdminOrderConnection?: AdminOrderConnectionResolvers<ContextType>;
  AdminOrderEdge?: AdminOrderEdgeResolvers<ContextType>;
  AdminTrade?: AdminTradeResolvers<ContextType>;
  AdminTradeConnection?: AdminTradeConnectionResolvers<ContextType>;
  AdminTradeEdge?: AdminTradeEdgeResolvers<ContextType>;
  Amount?: AmountResolvers<ContextType>;
  ApiKey?: ApiKeyResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditEntryConnection?: AuditEntryConnectionResolvers<ContextType>;
  AuditEntryEdge?: AuditEntryEdgeResolvers<ContextType>;
  AuthPayload?: AuthPayloadResolvers<ContextType>;
  Balance?: BalanceResolvers<ContextType>;
  BalanceAdjustment?: BalanceAdjustmentResolvers<ContextType>;
  CancelAllPayload?: CancelAllPayloadResolvers<ContextType>;
  Candle?: CandleResolvers<ContextType>;
  CandleInterval?: CandleIntervalResolvers;
  CreatedApiKey?: CreatedApiKeyResolvers<ContextType>;
  Decimal?: GraphQLScalarType;
  Fee?: FeeResolvers<ContextType>;
  FeeSchedule?: FeeScheduleResolvers<ContextType>;
  FeeTier?: FeeTierResolvers<ContextType>;
  Fill?: FillResolvers<ContextType>;
  LedgerEntry?: LedgerEntryResolvers<ContextType>;
  LedgerEntryConnection?: LedgerEntryConnectionResolvers<ContextType>;
  LedgerEntryEdge?: LedgerEntryEdgeResolvers<ContextType>;
  Market?: MarketResolvers<ContextType>;
  MarketMakerConfig?: MarketMakerConfigResolvers<ContextType>;
  MarketMakerStatus?: MarketMakerStatusResolvers<ContextType>;
  MarketRiskLimits?: MarketRiskLimitsResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  MyFeeTier?: MyFeeTierResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderBook?: OrderBookResolvers<ContextType>;
  OrderBookUpdate?: OrderBookUpdateResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  OrderEdge?: OrderEdgeResolvers<ContextType>;
  OrderStatus?: OrderStatusResolvers;
  PageInfo?: PageInfoResolvers<ContextType>;
  Participant?: ParticipantResolvers<ContextType>;
  ParticipantConnection?: ParticipantConnectionResolvers<ContextType>;
  ParticipantEdge?: ParticipantEdgeResolvers<ContextType>;
  PositiveDecimal?: GraphQLScalarType;
  PriceLevel?: PriceLevelResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RiskLimits?: RiskLimitsResolvers<ContextType>;
  SettledFill?: SettledFillResolvers<ContextType>;
  SettledFillConnection?: SettledFillConnectionResolvers<ContextType>;
  SettledFillEdge?: SettledFillEdgeResolvers<ContextType>;
  ShardHost?: ShardHostResolvers<ContextType>;
  SreCommandResult?: SreCommandResultResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  SupervisorInfo?: SupervisorInfoResolvers<ContextType>;
  Ticker?: TickerResolvers<ContextType>;
  Timestamp?: GraphQLScalarType;
  TotpSetup?: TotpSetupResolvers<ContextType>;
  Trade?: TradeResolvers<ContextType>;
  TradeConnection?: TradeConnectionResolvers<ContextType>;
  TradeEdge?: TradeEdgeResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserConnection?: UserConnectionResolvers<ContextType>;
  UserEdge?: UserEdgeResolvers<ContextType>;
};

