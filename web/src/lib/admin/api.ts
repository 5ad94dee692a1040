import { gql } from '$lib/api/client.ts';
import type { Market } from '$lib/types.ts';

/**
 * The admin panel's calls to the gateway (role ADMIN and a session that passed MFA; every
 * mutation carries a reason, written to the audit log). Decimals stay strings end to end.
 */

export type Role = 'USER' | 'ADMIN' | 'SRE';
export type MarketStatus = 'OPEN' | 'HALTED' | 'CANCEL_ONLY' | 'POST_ONLY';
export const MARKET_STATUSES: readonly MarketStatus[] = ['OPEN', 'HALTED', 'CANCEL_ONLY', 'POST_ONLY'];
export const ORDER_STATUSES = [
  'PENDING_NEW',
  'NEW',
  'PARTIALLY_FILLED',
  'FILLED',
  'CANCELLED',
  'REJECTED',
  'EXPIRED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/** The ledger's assets (actors/account/assets.ts). */
export const ASSETS = ['BTC', 'ETH', 'USDT', 'QTRA'] as const;

export interface PageInfo {
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}
export interface Page<T> {
  readonly items: T[];
  readonly pageInfo: PageInfo;
}

interface Connection<T> {
  edges: { node: T }[];
  pageInfo: PageInfo;
}
const PAGE_INFO = 'pageInfo { hasNextPage endCursor }';
const page = <T>(c: Connection<T>): Page<T> => ({ items: c.edges.map((e) => e.node), pageInfo: c.pageInfo });

// --- participants -----------------------------------------------------------------------------

export interface Participant {
  readonly id: string;
  readonly email: string;
  readonly account: string;
  readonly roles: Role[];
  readonly mfaEnabled: boolean;
  readonly createdAt: string;
  readonly frozen: boolean;
  readonly loginFrozen: boolean;
  readonly kycTier: number;
  readonly jurisdiction: string | null;
}
const PARTICIPANT = 'id email account roles mfaEnabled createdAt frozen loginFrozen kycTier jurisdiction';

export async function participants(
  search: string,
  after: string | null,
  first = 50,
): Promise<Page<Participant>> {
  const data = await gql<{ participants: Connection<Participant> }>(
    `query Participants($s: String, $f: Int, $a: String) {
      participants(search: $s, first: $f, after: $a) { edges { node { ${PARTICIPANT} } } ${PAGE_INFO} }
    }`,
    { s: search.trim() || null, f: first, a: after },
  );
  return page(data.participants);
}

export interface AccountStatus {
  readonly account: string;
  readonly kycTier: number;
  readonly jurisdiction: string | null;
  readonly frozen: boolean;
}

export async function setKyc(
  account: string,
  tier: number,
  jurisdiction: string | null,
  reason: string,
): Promise<AccountStatus> {
  const data = await gql<{ setKyc: AccountStatus }>(
    `mutation SetKyc($a: ID!, $t: Int!, $j: String, $r: String!) {
      setKyc(account: $a, tier: $t, jurisdiction: $j, reason: $r) { account kycTier jurisdiction frozen }
    }`,
    { a: account, t: tier, j: jurisdiction, r: reason },
  );
  return data.setKyc;
}

export async function freezeAccount(account: string, frozen: boolean, reason: string): Promise<void> {
  await gql(
    'mutation Freeze($a: ID!, $f: Boolean!, $r: String!) { freezeAccount(account: $a, frozen: $f, reason: $r) }',
    { a: account, f: frozen, r: reason },
  );
}

export async function setUserRoles(userId: string, roles: Role[], reason: string): Promise<Participant> {
  const data = await gql<{ setUserRoles: Participant }>(
    `mutation SetRoles($u: ID!, $roles: [Role!]!, $r: String!) {
      setUserRoles(userId: $u, roles: $roles, reason: $r) { ${PARTICIPANT} }
    }`,
    { u: userId, roles, r: reason },
  );
  return data.setUserRoles;
}

// --- orders and trades ------------------------------------------------------------------------

export interface SearchFilter {
  account?: string;
  market?: string;
  status?: OrderStatus[];
  /** ISO or epoch ms text. */
  from?: string;
  to?: string;
}

export interface AdminOrder {
  readonly id: string;
  readonly account: string;
  readonly clientOrderId: string;
  readonly market: string;
  readonly side: 'BUY' | 'SELL';
  readonly type: string;
  readonly status: OrderStatus;
  readonly price: string | null;
  readonly stopPrice: string | null;
  readonly size: string | null;
  readonly quote: string | null;
  readonly filledSize: string;
  readonly remainingSize: string;
  readonly averagePrice: string | null;
  readonly fees: { asset: string; amount: string }[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

function clean(filter: SearchFilter, withStatus: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (filter.account?.trim()) out['account'] = filter.account.trim();
  if (filter.market) out['market'] = filter.market;
  if (withStatus && filter.status?.length) out['status'] = filter.status;
  if (filter.from) out['from'] = filter.from;
  if (filter.to) out['to'] = filter.to;
  return out;
}

export async function adminOrders(filter: SearchFilter, after: string | null): Promise<Page<AdminOrder>> {
  const data = await gql<{ adminOrders: Connection<AdminOrder> }>(
    `query AdminOrders($f: AdminOrderFilter, $a: String) {
      adminOrders(filter: $f, first: 50, after: $a) {
        edges { node { id account clientOrderId market side type status price stopPrice size quote filledSize
          remainingSize averagePrice fees { asset amount } createdAt updatedAt } }
        ${PAGE_INFO}
      }
    }`,
    { f: clean(filter, true), a: after },
  );
  return page(data.adminOrders);
}

export interface AdminTrade {
  readonly id: string;
  readonly account: string;
  readonly market: string;
  readonly seq: string;
  readonly side: 'BUY' | 'SELL';
  readonly liquidity: 'MAKER' | 'TAKER';
  readonly paid: { asset: string; amount: string };
  readonly received: { asset: string; amount: string };
  readonly time: string;
}

export async function adminTrades(filter: SearchFilter, after: string | null): Promise<Page<AdminTrade>> {
  const data = await gql<{ adminTrades: Connection<AdminTrade> }>(
    `query AdminTrades($f: AdminTradeFilter, $a: String) {
      adminTrades(filter: $f, first: 50, after: $a) {
        edges { node { id account market seq side liquidity paid { asset amount } received { asset amount } time } }
        ${PAGE_INFO}
      }
    }`,
    { f: clean(filter, false), a: after },
  );
  return page(data.adminTrades);
}

// --- balances ---------------------------------------------------------------------------------

export interface Balance {
  readonly asset: string;
  readonly available: string;
  readonly locked: string;
}

export async function accountBalances(account: string): Promise<Balance[]> {
  const data = await gql<{ accountBalances: Balance[] }>(
    'query Balances($a: ID!) { accountBalances(account: $a) { asset available locked } }',
    { a: account.trim() },
  );
  return data.accountBalances;
}

export async function accountStatus(account: string): Promise<AccountStatus> {
  const data = await gql<{ accountStatus: AccountStatus }>(
    'query Status($a: ID!) { accountStatus(account: $a) { account kycTier jurisdiction frozen } }',
    { a: account.trim() },
  );
  return data.accountStatus;
}

export interface Adjustment {
  readonly txId: string;
  readonly account: string;
  readonly asset: string;
  readonly amount: string;
  readonly balances: Balance[];
}

export async function adjustBalance(
  account: string,
  asset: string,
  amount: string,
  txId: string,
  reason: string,
): Promise<Adjustment> {
  const data = await gql<{ adjustBalance: Adjustment }>(
    `mutation Adjust($a: ID!, $s: String!, $m: Decimal!, $x: String!, $r: String!) {
      adjustBalance(account: $a, asset: $s, amount: $m, txId: $x, reason: $r) {
        txId account asset amount balances { asset available locked }
      }
    }`,
    { a: account.trim(), s: asset, m: amount.trim(), x: txId.trim(), r: reason },
  );
  return data.adjustBalance;
}

// --- markets ----------------------------------------------------------------------------------

export interface RiskLimits {
  readonly minSize: string;
  readonly maxSize: string;
  readonly minNotional: string;
  readonly priceBandBps: number;
  readonly maxSizeCeiling: string;
}

export interface AdminMarket {
  readonly symbol: string;
  readonly base: string;
  readonly quote: string;
  readonly tickSize: string;
  readonly lotSize: string;
  readonly maxPrice: string;
  readonly referencePrice: string | null;
  readonly status: MarketStatus | null;
  readonly limits: RiskLimits | null;
  readonly live: boolean;
  readonly createdBy: string | null;
  readonly createdAt: string | null;
}
const MARKET = `symbol base quote tickSize lotSize maxPrice referencePrice status live createdBy createdAt
  limits { minSize maxSize minNotional priceBandBps maxSizeCeiling }`;

export async function adminMarkets(): Promise<AdminMarket[]> {
  const data = await gql<{ adminMarkets: AdminMarket[] }>(
    `query AdminMarkets { adminMarkets { ${MARKET} } }`,
  );
  return data.adminMarkets;
}

export async function setMarketStatus(
  symbol: string,
  status: MarketStatus,
  reason: string,
): Promise<AdminMarket> {
  const data = await gql<{ setMarketStatus: AdminMarket }>(
    `mutation SetStatus($s: ID!, $st: MarketStatus!, $r: String!) {
      setMarketStatus(symbol: $s, status: $st, reason: $r) { ${MARKET} }
    }`,
    { s: symbol, st: status, r: reason },
  );
  return data.setMarketStatus;
}

export interface RiskLimitsInput {
  minSize?: string;
  maxSize?: string;
  minNotional?: string;
  priceBandBps?: number;
}

export async function setMarketRiskLimits(
  symbol: string,
  input: RiskLimitsInput,
  reason: string,
): Promise<AdminMarket> {
  const data = await gql<{ setMarketRiskLimits: AdminMarket }>(
    `mutation SetLimits($s: ID!, $i: MarketRiskLimitsInput!, $r: String!) {
      setMarketRiskLimits(symbol: $s, input: $i, reason: $r) { ${MARKET} }
    }`,
    { s: symbol, i: input, r: reason },
  );
  return data.setMarketRiskLimits;
}

/** A new market's spec: the public Market's fields an admin chooses, and a reference price. */
export type CreateMarketInput = Pick<
  Market,
  | 'base'
  | 'quote'
  | 'tickSize'
  | 'lotSize'
  | 'minSize'
  | 'maxSize'
  | 'maxPrice'
  | 'minNotional'
  | 'priceBandBps'
> & { referencePrice?: string };

export async function createMarket(input: CreateMarketInput, reason: string): Promise<AdminMarket> {
  const data = await gql<{ createMarket: AdminMarket }>(
    `mutation CreateMarket($i: CreateMarketInput!, $r: String!) { createMarket(input: $i, reason: $r) { ${MARKET} } }`,
    { i: input, r: reason },
  );
  return data.createMarket;
}

// --- market maker -----------------------------------------------------------------------------

export interface MarketMakerConfig {
  readonly spreadBps: number;
  readonly levels: number;
  readonly levelSpacingBps: number;
  readonly orderSize: string;
  readonly minOrderSize: string;
  readonly targetInventory: string;
  readonly minInventory: string;
  readonly maxInventory: string;
  readonly inventorySkew: number;
}

export interface MarketMakerStatus {
  readonly market: string;
  readonly account: string;
  readonly running: boolean;
  readonly refreshes: number;
  readonly lastMid: string | null;
  readonly inventory: string | null;
  readonly openQuotes: number;
  readonly config: MarketMakerConfig;
}
const MAKER = `market account running refreshes lastMid inventory openQuotes
  config { spreadBps levels levelSpacingBps orderSize minOrderSize targetInventory minInventory maxInventory inventorySkew }`;

export async function marketMakers(): Promise<MarketMakerStatus[]> {
  const data = await gql<{ marketMakers: MarketMakerStatus[] }>(`query Makers { marketMakers { ${MAKER} } }`);
  return data.marketMakers;
}

export async function startMarketMaker(market: string | null, reason: string): Promise<MarketMakerStatus[]> {
  const data = await gql<{ startMarketMaker: MarketMakerStatus[] }>(
    `mutation StartMM($m: ID, $r: String!) { startMarketMaker(market: $m, reason: $r) { ${MAKER} } }`,
    { m: market, r: reason },
  );
  return data.startMarketMaker;
}

export async function stopMarketMaker(market: string | null, reason: string): Promise<MarketMakerStatus[]> {
  const data = await gql<{ stopMarketMaker: MarketMakerStatus[] }>(
    `mutation StopMM($m: ID, $r: String!) { stopMarketMaker(market: $m, reason: $r) { ${MAKER} } }`,
    { m: market, r: reason },
  );
  return data.stopMarketMaker;
}

export type MarketMakerConfigInput = Partial<{
  -readonly [K in keyof MarketMakerConfig]: MarketMakerConfig[K];
}>;

export async function setMarketMakerConfig(
  market: string,
  input: MarketMakerConfigInput,
  reason: string,
): Promise<MarketMakerStatus> {
  const data = await gql<{ setMarketMakerConfig: MarketMakerStatus }>(
    `mutation ConfigMM($m: ID!, $i: MarketMakerConfigInput!, $r: String!) {
      setMarketMakerConfig(market: $m, input: $i, reason: $r) { ${MAKER} }
    }`,
    { m: market, i: input, r: reason },
  );
  return data.setMarketMakerConfig;
}

// --- actors and audit -------------------------------------------------------------------------

export interface CommandResult {
  readonly ok: boolean;
  readonly reply: string | null;
}

export async function actorCommand(input: {
  address: string;
  verb: string;
  reason: string;
  messageType?: string;
  payload?: string;
}): Promise<CommandResult> {
  const data = await gql<{ actorCommand: CommandResult }>(
    'mutation Command($i: AdminCommandInput!) { actorCommand(input: $i) { ok reply } }',
    { i: input },
  );
  return data.actorCommand;
}

export interface AuditEntry {
  readonly id: string;
  readonly at: string;
  readonly principal: string;
  readonly verb: string;
  readonly target: string;
  readonly reason: string;
  readonly outcome: string;
  readonly detail: string | null;
}

export async function auditLog(target: string | null, first = 50): Promise<AuditEntry[]> {
  const data = await gql<{ auditLog: Connection<AuditEntry> }>(
    `query Audit($t: String, $f: Int) {
      auditLog(target: $t, first: $f) { edges { node { id at principal verb target reason outcome detail } } }
    }`,
    { t: target?.trim() || null, f: first },
  );
  return data.auditLog.edges.map((e) => e.node);
}
