import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { MarketSpec as MarketSpecModel } from '../../actors/market/index.ts';
import type { Ticker as TickerModel, BookSnapshotL2 as BookSnapshotL2Model, Trade as TradeModel, Candle as CandleModel } from '../../actors/marketdata/index.ts';
import type { FeeTier as FeeTierModel, AccountOrder as AccountOrderModel, BalanceView as BalanceViewModel, LedgerEntry as LedgerEntryModel, AccountFill as AccountFillModel } from '../../actors/account/index.ts';
import type { Principal as PrincipalModel, GraphContext } from '../context.ts';
import type { SettledFillModel as SettledFillModelModel, AmountModel as AmountModelModel, CreatedApiKeyModel as CreatedApiKeyModelModel, AuditEntryModel as AuditEntryModelModel, ActorDetailModel as ActorDetailModelModel, OrderBookUpdateModel as OrderBookUpdateModelModel, PriceLevelModel as PriceLevelModelModel } from '../models.ts';
import type { ApiKeyRecord as ApiKeyRecordModel } from '../auth/index.ts';
import type { AuthPayload as AuthPayloadModel } from '../auth-service.ts';
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

export type MarketStatus =
  | 'CANCEL_ONLY'
  | 'HALTED'
  | 'OPEN'
  | 'POST_ONLY';

export type Mutation = {
  __typename?: 'Mutation';
  actorCommand: AdminCommandResult;
  amendOrder: Order;
  /** The kill switch: cancels every live order of the account, in every market. */
  cancelAll: CancelAllPayload;
  cancelOrder: Order;
  createApiKey: CreatedApiKey;
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
  verifyTotp: Scalars['Boolean']['output'];
};


export type MutationActorCommandArgs = {
  input: AdminCommandInput;
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
  /** Admin: one actor's detail (an audited `inspect`; `reason` goes to the audit log). */
  actorDetail: Maybe<ActorDetail>;
  /** Admin: node -> shard host -> actor, as JSON text (the runtime's tree). */
  actorTree: Scalars['String']['output'];
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
  markets: Array<Market>;
  me: User;
  myFeeTier: MyFeeTier;
  order: Maybe<Order>;
  /** Levels per side: 1 to 1000 (default 20). */
  orderBook: OrderBook;
  /** Newest first. first: 1 to 500. */
  orders: OrderConnection;
  ticker: Ticker;
  tickers: Array<Ticker>;
  /** Most recent first; `after` is a trade's cursor. first: 1 to 1000. */
  trades: TradeConnection;
  /** Admin: users by account number. first: 1 to 500. */
  users: UserConnection;
};


export type QueryActorDetailArgs = {
  address: Scalars['String']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
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

export type Side =
  | 'BUY'
  | 'SELL';

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
  ActorDetail: ResolverTypeWrapper<ActorDetailModelModel>;
  AdminCommandInput: AdminCommandInput;
  AdminCommandResult: ResolverTypeWrapper<AdminCommandResult>;
  AmendOrderInput: AmendOrderInput;
  Amount: ResolverTypeWrapper<AmountModelModel>;
  ApiKey: ResolverTypeWrapper<ApiKeyRecordModel>;
  ApiKeyScope: ApiKeyScope;
  AuditEntry: ResolverTypeWrapper<AuditEntryModelModel>;
  AuditEntryConnection: ResolverTypeWrapper<Omit<AuditEntryConnection, 'edges'> & { edges: Array<ResolversTypes['AuditEntryEdge']> }>;
  AuditEntryEdge: ResolverTypeWrapper<Omit<AuditEntryEdge, 'node'> & { node: ResolversTypes['AuditEntry'] }>;
  AuthPayload: ResolverTypeWrapper<AuthPayloadModel>;
  Balance: ResolverTypeWrapper<BalanceViewModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CancelAllPayload: ResolverTypeWrapper<CancelAllPayload>;
  Candle: ResolverTypeWrapper<CandleModel>;
  CandleInterval: null;
  CreateApiKeyInput: CreateApiKeyInput;
  CreatedApiKey: ResolverTypeWrapper<CreatedApiKeyModelModel>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  Fee: ResolverTypeWrapper<Fee>;
  FeeSchedule: ResolverTypeWrapper<Omit<FeeSchedule, 'qtraTiers' | 'tiers'> & { qtraTiers: Array<ResolversTypes['FeeTier']>, tiers: Array<ResolversTypes['FeeTier']> }>;
  FeeTier: ResolverTypeWrapper<FeeTierModel>;
  Fill: ResolverTypeWrapper<AccountFillModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  LedgerEntry: ResolverTypeWrapper<LedgerEntryModel>;
  LedgerEntryConnection: ResolverTypeWrapper<Omit<LedgerEntryConnection, 'edges'> & { edges: Array<ResolversTypes['LedgerEntryEdge']> }>;
  LedgerEntryEdge: ResolverTypeWrapper<Omit<LedgerEntryEdge, 'node'> & { node: ResolversTypes['LedgerEntry'] }>;
  Liquidity: Liquidity;
  LoginInput: LoginInput;
  Market: ResolverTypeWrapper<MarketSpecModel>;
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
  PlaceOrderInput: PlaceOrderInput;
  PositiveDecimal: ResolverTypeWrapper<Scalars['PositiveDecimal']['output']>;
  PriceLevel: ResolverTypeWrapper<PriceLevelModelModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegisterInput: RegisterInput;
  Role: Role;
  SettledFill: ResolverTypeWrapper<SettledFillModelModel>;
  SettledFillConnection: ResolverTypeWrapper<Omit<SettledFillConnection, 'edges'> & { edges: Array<ResolversTypes['SettledFillEdge']> }>;
  SettledFillEdge: ResolverTypeWrapper<Omit<SettledFillEdge, 'node'> & { node: ResolversTypes['SettledFill'] }>;
  Side: Side;
  StpMode: StpMode;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
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
  ActorDetail: ActorDetailModelModel;
  AdminCommandInput: AdminCommandInput;
  AdminCommandResult: AdminCommandResult;
  AmendOrderInput: AmendOrderInput;
  Amount: AmountModelModel;
  ApiKey: ApiKeyRecordModel;
  AuditEntry: AuditEntryModelModel;
  AuditEntryConnection: Omit<AuditEntryConnection, 'edges'> & { edges: Array<ResolversParentTypes['AuditEntryEdge']> };
  AuditEntryEdge: Omit<AuditEntryEdge, 'node'> & { node: ResolversParentTypes['AuditEntry'] };
  AuthPayload: AuthPayloadModel;
  Balance: BalanceViewModel;
  Boolean: Scalars['Boolean']['output'];
  CancelAllPayload: CancelAllPayload;
  Candle: CandleModel;
  CreateApiKeyInput: CreateApiKeyInput;
  CreatedApiKey: CreatedApiKeyModelModel;
  Decimal: Scalars['Decimal']['output'];
  Fee: Fee;
  FeeSchedule: Omit<FeeSchedule, 'qtraTiers' | 'tiers'> & { qtraTiers: Array<ResolversParentTypes['FeeTier']>, tiers: Array<ResolversParentTypes['FeeTier']> };
  FeeTier: FeeTierModel;
  Fill: AccountFillModel;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  LedgerEntry: LedgerEntryModel;
  LedgerEntryConnection: Omit<LedgerEntryConnection, 'edges'> & { edges: Array<ResolversParentTypes['LedgerEntryEdge']> };
  LedgerEntryEdge: Omit<LedgerEntryEdge, 'node'> & { node: ResolversParentTypes['LedgerEntry'] };
  LoginInput: LoginInput;
  Market: MarketSpecModel;
  Mutation: Record<PropertyKey, never>;
  MyFeeTier: MyFeeTier;
  Order: AccountOrderModel;
  OrderBook: BookSnapshotL2Model;
  OrderBookUpdate: OrderBookUpdateModelModel;
  OrderConnection: Omit<OrderConnection, 'edges'> & { edges: Array<ResolversParentTypes['OrderEdge']> };
  OrderEdge: Omit<OrderEdge, 'node'> & { node: ResolversParentTypes['Order'] };
  OrderFilter: OrderFilter;
  PageInfo: PageInfo;
  PlaceOrderInput: PlaceOrderInput;
  PositiveDecimal: Scalars['PositiveDecimal']['output'];
  PriceLevel: PriceLevelModelModel;
  Query: Record<PropertyKey, never>;
  RegisterInput: RegisterInput;
  SettledFill: SettledFillModelModel;
  SettledFillConnection: Omit<SettledFillConnection, 'edges'> & { edges: Array<ResolversParentTypes['SettledFillEdge']> };
  SettledFillEdge: Omit<SettledFillEdge, 'node'> & { node: ResolversParentTypes['SettledFill'] };
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
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

export type ActorDetailResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['ActorDetail'] = ResolversParentTypes['ActorDetail']> = {
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  mailboxDepth?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  restarts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  summary?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AdminCommandResultResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['AdminCommandResult'] = ResolversParentTypes['AdminCommandResult']> = {
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reply?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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

export type MutationResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  actorCommand?: Resolver<ResolversTypes['AdminCommandResult'], ParentType, ContextType, RequireFields<MutationActorCommandArgs, 'input'>>;
  amendOrder?: Resolver<ResolversTypes['Order'], ParentType, ContextType, RequireFields<MutationAmendOrderArgs, 'input'>>;
  cancelAll?: Resolver<ResolversTypes['CancelAllPayload'], ParentType, ContextType>;
  cancelOrder?: Resolver<ResolversTypes['Order'], ParentType, ContextType, RequireFields<MutationCancelOrderArgs, 'id'>>;
  createApiKey?: Resolver<ResolversTypes['CreatedApiKey'], ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'input'>>;
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

export interface PositiveDecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['PositiveDecimal'], any> {
  name: 'PositiveDecimal';
}

export type PriceLevelResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['PriceLevel'] = ResolversParentTypes['PriceLevel']> = {
  price?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  actorDetail?: Resolver<Maybe<ResolversTypes['ActorDetail']>, ParentType, ContextType, RequireFields<QueryActorDetailArgs, 'address'>>;
  actorTree?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  apiKeys?: Resolver<Array<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  auditLog?: Resolver<ResolversTypes['AuditEntryConnection'], ParentType, ContextType, RequireFields<QueryAuditLogArgs, 'first'>>;
  balances?: Resolver<Array<ResolversTypes['Balance']>, ParentType, ContextType>;
  candles?: Resolver<Array<ResolversTypes['Candle']>, ParentType, ContextType, RequireFields<QueryCandlesArgs, 'interval' | 'limit' | 'symbol'>>;
  feeSchedule?: Resolver<ResolversTypes['FeeSchedule'], ParentType, ContextType>;
  fills?: Resolver<ResolversTypes['SettledFillConnection'], ParentType, ContextType, RequireFields<QueryFillsArgs, 'first'>>;
  ledgerEntries?: Resolver<ResolversTypes['LedgerEntryConnection'], ParentType, ContextType, RequireFields<QueryLedgerEntriesArgs, 'first'>>;
  market?: Resolver<Maybe<ResolversTypes['Market']>, ParentType, ContextType, RequireFields<QueryMarketArgs, 'symbol'>>;
  markets?: Resolver<Array<ResolversTypes['Market']>, ParentType, ContextType>;
  me?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  myFeeTier?: Resolver<ResolversTypes['MyFeeTier'], ParentType, ContextType>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType, Partial<QueryOrderArgs>>;
  orderBook?: Resolver<ResolversTypes['OrderBook'], ParentType, ContextType, RequireFields<QueryOrderBookArgs, 'depth' | 'symbol'>>;
  orders?: Resolver<ResolversTypes['OrderConnection'], ParentType, ContextType, RequireFields<QueryOrdersArgs, 'first'>>;
  ticker?: Resolver<ResolversTypes['Ticker'], ParentType, ContextType, RequireFields<QueryTickerArgs, 'symbol'>>;
  tickers?: Resolver<Array<ResolversTypes['Ticker']>, ParentType, ContextType>;
  trades?: Resolver<ResolversTypes['TradeConnection'], ParentType, ContextType, RequireFields<QueryTradesArgs, 'first' | 'symbol'>>;
  users?: Resolver<ResolversTypes['UserConnection'], ParentType, ContextType, RequireFields<QueryUsersArgs, 'first'>>;
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

export type SubscriptionResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  candles?: SubscriptionResolver<ResolversTypes['Candle'], "candles", ParentType, ContextType, RequireFields<SubscriptionCandlesArgs, 'interval' | 'symbol'>>;
  myBalances?: SubscriptionResolver<Array<ResolversTypes['Balance']>, "myBalances", ParentType, ContextType>;
  myFills?: SubscriptionResolver<ResolversTypes['Fill'], "myFills", ParentType, ContextType>;
  myOrders?: SubscriptionResolver<ResolversTypes['Order'], "myOrders", ParentType, ContextType>;
  orderBook?: SubscriptionResolver<ResolversTypes['OrderBookUpdate'], "orderBook", ParentType, ContextType, RequireFields<SubscriptionOrderBookArgs, 'depth' | 'symbol'>>;
  ticker?: SubscriptionResolver<ResolversTypes['Ticker'], "ticker", ParentType, ContextType, RequireFields<SubscriptionTickerArgs, 'symbol'>>;
  trades?: SubscriptionResolver<ResolversTypes['Trade'], "trades", ParentType, ContextType, RequireFields<SubscriptionTradesArgs, 'symbol'>>;
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
  ActorDetail?: ActorDetailResolvers<ContextType>;
  AdminCommandResult?: AdminCommandResultResolvers<ContextType>;
  Amount?: AmountResolvers<ContextType>;
  ApiKey?: ApiKeyResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditEntryConnection?: AuditEntryConnectionResolvers<ContextType>;
  AuditEntryEdge?: AuditEntryEdgeResolvers<ContextType>;
  AuthPayload?: AuthPayloadResolvers<ContextType>;
  Balance?: BalanceResolvers<ContextType>;
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
  Mutation?: MutationResolvers<ContextType>;
  MyFeeTier?: MyFeeTierResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderBook?: OrderBookResolvers<ContextType>;
  OrderBookUpdate?: OrderBookUpdateResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  OrderEdge?: OrderEdgeResolvers<ContextType>;
  OrderStatus?: OrderStatusResolvers;
  PageInfo?: PageInfoResolvers<ContextType>;
  PositiveDecimal?: GraphQLScalarType;
  PriceLevel?: PriceLevelResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SettledFill?: SettledFillResolvers<ContextType>;
  SettledFillConnection?: SettledFillConnectionResolvers<ContextType>;
  SettledFillEdge?: SettledFillEdgeResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
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

