import { assetOf, MAX_ACCOUNT, marketUnits, parseAmount } from '../../actors/account/index.ts';
import type { AccountProfile, BalanceView, FillRecord, OrderStatus } from '../../actors/account/index.ts';
import {
  checkSpec,
  InvalidMarketSpecError,
  quoteToNotional,
  sizeToLots,
  toBookConfig,
} from '../../actors/market/index.ts';
import type {
  BookConfig,
  LimitsReply,
  MarketLimits,
  MarketSpec,
  MarketSummary,
  OpenReply,
} from '../../actors/market/index.ts';
import { checkPmmConfig, InvalidPmmConfigError } from '../../actors/mm/index.ts';
import type { PmmConfig } from '../../actors/mm/index.ts';
import type {
  AccountStatusModel,
  AdminMarketModel,
  AdminTradeModel,
  MarketMakerStatusModel,
  ParticipantModel,
} from '../admin-models.ts';
import { requireAdmin } from '../authorization.ts';
import { rolesOf } from '../authenticate.ts';
import { checkFirst, decodeCursor, encodeCursor } from '../connection.ts';
import type { Connection } from '../connection.ts';
import type { GraphContext, MarketMakingService, Principal } from '../context.ts';
import { badInput, ErrorCode, graphError } from '../errors.ts';
import type { CreateMarketInput, Resolvers } from '../generated/resolvers.ts';
import { notionalOf, priceOf, sizeOf } from '../units.ts';
import { checkReason, run } from './admin.ts';
import { specOf } from './lookup.ts';
import { orderFields } from './orders.ts';

/**
 * The admin panel's surface (the web app's /manage): participants (KYC, freeze, roles), orders
 * and fills of every account from the read models, balances and audited adjustments, markets
 * (status, risk limits, creation) and the node's market makers. Role `admin` and an MFA session
 * (`requireAdmin`) everywhere. Commands to actors go through the runtime's audited admin path
 * (`run`); what the gateway does itself (roles, market creation, market makers) is written to the
 * audit log by `record` before it happens. Input is checked before anything runs: a refusal
 * changes nothing.
 */

const MAX_PARTICIPANTS_PAGE = 200;
const MAX_SEARCH_PAGE = 500;
const SYMBOL = /^[A-Z0-9]{1,12}-[A-Z0-9]{1,12}$/;
const TX_ID = /^[\w:.\-/]{1,100}$/;
const FILL_TX = /^fill:([A-Za-z0-9._-]{1,40}):(\d{1,16}):(maker|taker)$/;
const ROLE_NAMES = { USER: 'user', ADMIN: 'admin', SRE: 'sre' } as const;

// --- helpers -------------------------------------------------------------------------------------

function accountNumber(text: string): number {
  const n = /^\d{1,10}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_ACCOUNT)
    throw badInput('account must be an account number', 'account');
  return n;
}

/**
 * An account someone owns: a user's, or one the ledger knows (the demo makers). Anything else is
 * UNKNOWN_ACCOUNT: an actor would answer for any number, and an adjustment must not create one.
 */
async function knownAccount(ctx: GraphContext, text: string): Promise<number> {
  const n = accountNumber(text);
  const store = ctx.services.auth?.store;
  if (store && (await store.findByAccountNumber(n))) return n;
  if (ctx.services.ledger && (await ctx.services.ledger.balances(n)).length > 0) return n;
  throw graphError('UNKNOWN_ACCOUNT', `No account ${n}.`, { field: 'account' });
}

/** Throws the actor's refusal (`{ ok: false, code, message }`) of a `send` as its own code. */
function accepted<T>(result: unknown): T {
  const reply = (result as { reply?: unknown } | null)?.reply as
    { ok?: unknown; code?: unknown; message?: unknown } | undefined;
  if (reply && reply.ok === false) {
    throw graphError(String(reply.code ?? 'REFUSED'), String(reply.message ?? reply.code ?? 'Refused.'));
  }
  return reply as T;
}

/** Writes an audit record of an action the gateway runs itself (before it runs). */
async function record(
  ctx: GraphContext,
  principal: Principal,
  entry: { verb: string; target: string; reason: string; detail?: unknown },
): Promise<void> {
  const admin = ctx.services.admin;
  if (!admin?.record)
    throw graphError(ErrorCode.UNAVAILABLE, 'The audit log is not connected to this gateway.');
  await admin.record({ principal: principal.userId, outcome: 'accepted', ...entry });
}

function store(ctx: GraphContext) {
  const users = ctx.services.auth?.store;
  if (!users) throw graphError(ErrorCode.UNAVAILABLE, 'Accounts are not connected to this gateway.');
  return users;
}

function ledger(ctx: GraphContext) {
  const model = ctx.services.ledger;
  if (!model) throw graphError(ErrorCode.UNAVAILABLE, 'The read models are not connected to this gateway.');
  return model;
}

function marketMaking(ctx: GraphContext): MarketMakingService {
  const mm = ctx.services.marketMaking;
  if (!mm) throw graphError(ErrorCode.UNAVAILABLE, 'This node runs no market maker (DEMO_MARKET_MAKER=off).');
  return mm;
}

async function profileOf(ctx: GraphContext, account: number): Promise<AccountProfile | null> {
  try {
    return (await ctx.services.ask(`account/${account}`, 'profile', {})) as AccountProfile;
  } catch {
    return null;
  }
}

/** "1.500" -> "1.5", "007" -> "7": the canonical form decimals are compared in. */
function canonical(text: string): string {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const w = whole.replace(/^0+(?=\d)/, '');
  const f = fraction.replace(/0+$/, '');
  const body = f ? `${w}.${f}` : w;
  return negative && body !== '0' ? `-${body}` : body;
}

function lotsOf(spec: MarketSpec, size: string, field: string): number {
  const converted = sizeToLots(spec, size);
  if (!converted.ok)
    throw graphError(ErrorCode.BAD_USER_INPUT, `${field}: ${converted.code}`, {
      field,
      reason: converted.code,
    });
  return converted.value;
}

/** A size that may be zero (inventories): 0, or whole lots. */
function lotsOrZero(spec: MarketSpec, size: string, field: string): number {
  if (size.startsWith('-')) throw badInput(`${field} must not be negative`, field);
  return /^0+(\.0+)?$/.test(size) ? 0 : lotsOf(spec, size, field);
}

// --- markets -------------------------------------------------------------------------------------

interface KnownMarket {
  readonly spec: MarketSpec;
  readonly live: boolean;
  readonly createdBy: string | null;
  readonly createdAt: number | null;
}

/**
 * Every market: those the node trades (created ones included, live from their creation), then
 * those recorded but not served (a creation that failed part-way: served from the next start).
 */
async function knownMarkets(ctx: GraphContext): Promise<KnownMarket[]> {
  const created = ctx.services.marketCatalog ? await ctx.services.marketCatalog.list() : [];
  const byCreated = new Map(created.map((c) => [c.spec.symbol, c]));
  const out: KnownMarket[] = [...ctx.services.markets.values()].map((spec) => {
    const c = byCreated.get(spec.symbol);
    return { spec, live: true, createdBy: c?.createdBy ?? null, createdAt: c?.createdAt ?? null };
  });
  for (const c of created) {
    if (!ctx.services.markets.has(c.spec.symbol))
      out.push({ spec: c.spec, live: false, createdBy: c.createdBy, createdAt: c.createdAt });
  }
  return out;
}

async function knownMarket(ctx: GraphContext, symbol: string): Promise<KnownMarket> {
  const found = (await knownMarkets(ctx)).find((m) => m.spec.symbol === symbol);
  if (!found) throw graphError('UNKNOWN_MARKET', `No market "${symbol.slice(0, 40)}".`);
  return found;
}

async function adminMarket(ctx: GraphContext, market: KnownMarket): Promise<AdminMarketModel> {
  const address = `market/${market.spec.symbol}`;
  const [summary, config] = await Promise.all([
    ctx.services.ask(address, 'summary', {}) as Promise<MarketSummary | null>,
    ctx.services.ask(address, 'config', {}) as Promise<BookConfig | null>,
  ]);
  return {
    spec: market.spec,
    config,
    status: summary?.status ?? null,
    live: market.live,
    createdBy: market.createdBy,
    createdAt: market.createdAt,
  };
}

/** The book units of a limits change, checked against the market's spec and current limits. */
function limitsChange(
  spec: MarketSpec,
  current: BookConfig,
  input: {
    minSize?: string | null;
    maxSize?: string | null;
    minNotional?: string | null;
    priceBandBps?: number | null;
  },
): Partial<MarketLimits> {
  const change: { -readonly [K in keyof MarketLimits]?: MarketLimits[K] } = {};
  if (input.minSize != null) change.minSize = lotsOf(spec, input.minSize, 'minSize');
  if (input.maxSize != null) change.maxSize = lotsOf(spec, input.maxSize, 'maxSize');
  if (input.minNotional != null) {
    const text = input.minNotional;
    if (text.startsWith('-')) throw badInput('minNotional must not be negative', 'minNotional');
    if (canonical(text) === '0') change.minNotional = 0;
    else {
      const converted = quoteToNotional(spec, text);
      if (!converted.ok || canonical(notionalOf(spec, converted.value)) !== canonical(text))
        throw badInput('minNotional must be a multiple of tickSize × lotSize', 'minNotional');
      change.minNotional = converted.value;
    }
  }
  if (input.priceBandBps != null) {
    if (!Number.isInteger(input.priceBandBps) || input.priceBandBps < 0 || input.priceBandBps > 10_000)
      throw badInput('priceBandBps must be an integer from 0 to 10000', 'priceBandBps');
    change.priceBandBps = input.priceBandBps;
  }
  if (Object.keys(change).length === 0) throw badInput('give at least one limit', 'input');
  const next = { ...current, ...change };
  if (next.minSize > next.maxSize) throw badInput('minSize must not exceed maxSize', 'minSize');
  return change;
}

function newMarketSpec(input: CreateMarketInput): MarketSpec {
  const base = assetOf(input.base);
  const quote = assetOf(input.quote);
  if (base.symbol === quote.symbol) throw badInput('base and quote must differ', 'quote');
  if (input.minNotional.startsWith('-')) throw badInput('minNotional must not be negative', 'minNotional');
  const spec: MarketSpec = {
    symbol: `${base.symbol}-${quote.symbol}`,
    base: base.symbol,
    quote: quote.symbol,
    baseDecimals: base.decimals,
    quoteDecimals: quote.decimals,
    tickSize: canonical(input.tickSize),
    lotSize: canonical(input.lotSize),
    minSize: canonical(input.minSize),
    maxSize: canonical(input.maxSize),
    maxPrice: canonical(input.maxPrice),
    minNotional: canonical(input.minNotional),
    priceBandBps: input.priceBandBps,
    ...(input.referencePrice != null ? { referencePrice: canonical(input.referencePrice) } : {}),
  };
  try {
    checkSpec(spec);
    // Steps must be whole ledger minor units (the ledger never rounds a trade's value).
    marketUnits(spec);
    toBookConfig(spec);
  } catch (error) {
    if (error instanceof InvalidMarketSpecError || error instanceof RangeError)
      throw graphError(ErrorCode.BAD_USER_INPUT, error.message, { reason: 'INVALID_MARKET_SPEC' });
    throw error;
  }
  return spec;
}

// --- market makers -------------------------------------------------------------------------------

function makerStatuses(ctx: GraphContext, makers: MarketMakingService['makers']): MarketMakerStatusModel[] {
  return makers.map((maker) => ({ spec: specOf(ctx, maker.status.market), status: maker.status }));
}

function makersOf(ctx: GraphContext, market: string | null | undefined): MarketMakingService['makers'] {
  const { makers } = marketMaking(ctx);
  if (market == null) return makers;
  const found = makers.filter((m) => m.status.market === market);
  if (found.length === 0) throw graphError('UNKNOWN_MARKET', `No market maker on "${market.slice(0, 40)}".`);
  return found;
}

function pmmChange(
  spec: MarketSpec,
  input: {
    spreadBps?: number | null;
    levels?: number | null;
    levelSpacingBps?: number | null;
    orderSize?: string | null;
    minOrderSize?: string | null;
    targetInventory?: string | null;
    minInventory?: string | null;
    maxInventory?: string | null;
    inventorySkew?: number | null;
  },
): Partial<PmmConfig> {
  const change: { -readonly [K in keyof PmmConfig]?: PmmConfig[K] } = {};
  if (input.spreadBps != null) change.spreadBps = input.spreadBps;
  if (input.levels != null) change.levels = input.levels;
  if (input.levelSpacingBps != null) change.levelSpacingBps = input.levelSpacingBps;
  if (input.inventorySkew != null) change.inventorySkew = input.inventorySkew;
  if (input.orderSize != null) change.orderSize = lotsOf(spec, input.orderSize, 'orderSize');
  if (input.minOrderSize != null) change.minOrderSize = lotsOf(spec, input.minOrderSize, 'minOrderSize');
  if (input.targetInventory != null)
    change.targetInventory = lotsOrZero(spec, input.targetInventory, 'targetInventory');
  if (input.minInventory != null) change.minInventory = lotsOrZero(spec, input.minInventory, 'minInventory');
  if (input.maxInventory != null) change.maxInventory = lotsOrZero(spec, input.maxInventory, 'maxInventory');
  if (Object.keys(change).length === 0) throw badInput('give at least one setting', 'input');
  return change;
}

// --- trades --------------------------------------------------------------------------------------

function adminTrade(ctx: GraphContext, record: FillRecord): AdminTradeModel | undefined {
  const match = FILL_TX.exec(record.txId);
  const paid = record.postings.find((p) => p.bucket === 'locked' && p.amount < 0n);
  const received = record.postings.find((p) => p.bucket === 'available' && p.amount >= 0n);
  const spec = match ? ctx.services.markets.get(match[1]!) : undefined;
  if (!match || !paid || !received || !spec) return undefined;
  return {
    account: record.account,
    fill: {
      id: record.txId,
      market: match[1]!,
      seq: Number(match[2]),
      side: received.asset === spec.base ? 'BUY' : 'SELL',
      liquidity: match[3] === 'maker' ? 'MAKER' : 'TAKER',
      paid: { asset: paid.asset, amount: -paid.amount },
      received: { asset: received.asset, amount: received.amount },
      time: record.createdAt,
    },
  };
}

function searchFilter(filter: {
  account?: string | null;
  market?: string | null;
  from?: number | null;
  to?: number | null;
}): { account?: number; market?: string; from?: number; to?: number } {
  if (filter.market != null && !SYMBOL.test(filter.market)) throw badInput('market: like BTC-USDT', 'market');
  if (filter.from != null && filter.to != null && filter.from > filter.to)
    throw badInput('from must not be after to', 'from');
  return {
    ...(filter.account != null && filter.account !== '' ? { account: accountNumber(filter.account) } : {}),
    ...(filter.market != null ? { market: filter.market } : {}),
    ...(filter.from != null ? { from: filter.from } : {}),
    ...(filter.to != null ? { to: filter.to } : {}),
  };
}

function pageInfo<T>(edges: Connection<T>['edges'], hasNextPage: boolean, after: unknown): Connection<T> {
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: after != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

// --- resolvers -----------------------------------------------------------------------------------

export const adminPanelResolvers: Resolvers = {
  Query: {
    participants: async (_root, { search, first, after }, ctx) => {
      requireAdmin(ctx);
      const users = store(ctx);
      const limit = checkFirst(first, MAX_PARTICIPANTS_PAGE, 50);
      const afterAccount = after ? decodeCursor('p', after) : undefined;
      const page = {
        limit: limit + 1,
        ...(afterAccount !== undefined ? { afterAccountNumber: afterAccount } : {}),
      };
      const query = search?.trim() ?? '';
      const found = query ? await users.searchUsers({ query, ...page }) : await users.listUsers(page);
      const shown = found.slice(0, limit);
      const profiles = await Promise.all(shown.map((user) => profileOf(ctx, user.accountNumber)));
      const edges = shown.map((user, i) => ({
        cursor: encodeCursor('p', user.accountNumber),
        node: { user, profile: profiles[i] ?? null } satisfies ParticipantModel,
      }));
      return pageInfo(edges, found.length > limit, after);
    },
    accountStatus: async (_root, { account }, ctx) => {
      requireAdmin(ctx);
      const n = await knownAccount(ctx, account);
      return (await ctx.services.ask(`account/${n}`, 'profile', {})) as AccountStatusModel;
    },
    adminOrders: async (_root, { filter, first, after }, ctx) => {
      requireAdmin(ctx);
      const limit = checkFirst(first, MAX_SEARCH_PAGE, 50);
      const search = searchFilter(filter ?? {});
      const statuses = (filter?.status ?? undefined) as OrderStatus[] | undefined;
      let page;
      try {
        page = await ledger(ctx).searchOrders(
          { ...search, ...(statuses ? { statuses } : {}) },
          { limit, ...(after ? { before: after } : {}) },
        );
      } catch (error) {
        if (error instanceof RangeError) throw badInput('after: not a cursor of this list', 'after');
        throw error;
      }
      const edges = page.orders.map((node) => ({
        cursor: Buffer.from(`o:${node.createdAt}:${node.id}`).toString('base64url'),
        node,
      }));
      return pageInfo(edges, page.nextCursor !== null, after);
    },
    adminTrades: async (_root, { filter, first, after }, ctx) => {
      requireAdmin(ctx);
      const limit = checkFirst(first, MAX_SEARCH_PAGE, 50);
      const search = searchFilter(filter ?? {});
      const afterId = after ? decodeCursor('t', after) : undefined;
      const page = await ledger(ctx).searchFills(search, {
        limit,
        ...(afterId !== undefined ? { before: Buffer.from(`h:${afterId}`).toString('base64url') } : {}),
      });
      const edges = page.fills.flatMap((record) => {
        const node = adminTrade(ctx, record);
        return node ? [{ cursor: encodeCursor('t', Number(record.id)), node }] : [];
      });
      return pageInfo(edges, page.nextCursor !== null, after);
    },
    accountBalances: async (_root, { account }, ctx) => {
      requireAdmin(ctx);
      const n = await knownAccount(ctx, account);
      return (await ctx.services.ask(`account/${n}`, 'balances', {})) as BalanceView[];
    },
    adminMarkets: async (_root, _args, ctx) => {
      requireAdmin(ctx);
      return Promise.all((await knownMarkets(ctx)).map((market) => adminMarket(ctx, market)));
    },
    marketMakers: (_root, _args, ctx) => {
      requireAdmin(ctx);
      return makerStatuses(ctx, marketMaking(ctx).makers);
    },
  },
  Mutation: {
    setUserRoles: async (_root, { userId, roles, reason }, ctx) => {
      const principal = requireAdmin(ctx);
      const why = checkReason(reason);
      const users = store(ctx);
      const user = await users.findById(userId);
      if (!user) throw graphError('UNKNOWN_USER', 'No such user.', { field: 'userId' });
      const next = [
        'user',
        ...[...new Set(roles.map((r) => ROLE_NAMES[r]))].filter((r) => r !== 'user').sort(),
      ];
      if (user.id === principal.userId && !next.includes('admin'))
        throw badInput('You cannot take your own admin role away.', 'roles');
      await record(ctx, principal, {
        verb: 'user.roles',
        target: `user/${user.id}`,
        reason: why,
        detail: { from: [...user.roles], to: next, account: user.accountNumber },
      });
      const updated = (await users.setRoles(user.id, next)) ?? user;
      return { user: updated, profile: await profileOf(ctx, updated.accountNumber) };
    },
    setKyc: async (_root, { account, tier, jurisdiction, reason }, ctx) => {
      requireAdmin(ctx);
      checkReason(reason);
      if (!Number.isInteger(tier) || tier < 0 || tier > 3) throw badInput('tier must be 0 to 3', 'tier');
      const country =
        jurisdiction == null || jurisdiction.trim() === '' ? null : jurisdiction.trim().toUpperCase();
      if (country !== null && !/^[A-Z]{2}$/.test(country))
        throw badInput('jurisdiction must be an ISO 3166 alpha-2 code', 'jurisdiction');
      const n = await knownAccount(ctx, account);
      accepted(
        await run(ctx, {
          verb: 'send',
          target: `account/${n}`,
          reason,
          message: { type: 'setKyc', payload: { tier, jurisdiction: country } },
        }),
      );
      return (await ctx.services.ask(`account/${n}`, 'profile', {})) as AccountStatusModel;
    },
    adjustBalance: async (_root, { account, asset, amount, txId, reason }, ctx) => {
      requireAdmin(ctx);
      const why = checkReason(reason);
      if (!TX_ID.test(txId)) throw badInput('txId: 1 to 100 of letters, digits and _ : . - /', 'txId');
      const a = assetOf(asset);
      const magnitude = parseAmount(a, amount.startsWith('-') ? amount.slice(1) : amount);
      if (magnitude === 0n)
        throw graphError('INVALID_AMOUNT', 'amount must not be zero', { field: 'amount' });
      const n = await knownAccount(ctx, account);
      // Its own id space: an adjustment can never collide with (and be deduplicated as) an order or a deposit.
      const id = `adjust:${txId}`;
      accepted(
        await run(ctx, {
          verb: 'send',
          target: `account/${n}`,
          reason,
          message: {
            type: 'adjust',
            payload: { txId: id, asset: a.symbol, amount: canonical(amount), reason: why },
          },
        }),
      );
      const balances = (await ctx.services.ask(`account/${n}`, 'balances', {})) as BalanceView[];
      return { txId: id, account: n, asset: a.symbol, amount: canonical(amount), balances };
    },
    setMarketStatus: async (_root, { symbol, status, reason }, ctx) => {
      requireAdmin(ctx);
      checkReason(reason);
      const market = await knownMarket(ctx, symbol);
      accepted(
        await run(ctx, {
          verb: 'send',
          target: `market/${market.spec.symbol}`,
          reason,
          message: { type: 'setStatus', payload: { status } },
        }),
      );
      return adminMarket(ctx, market);
    },
    setMarketRiskLimits: async (_root, { symbol, input, reason }, ctx) => {
      requireAdmin(ctx);
      checkReason(reason);
      const market = await knownMarket(ctx, symbol);
      const current = (await ctx.services.ask(
        `market/${market.spec.symbol}`,
        'config',
        {},
      )) as BookConfig | null;
      if (!current) throw graphError('UNKNOWN_MARKET', `The book of "${symbol}" is not open.`);
      const change = limitsChange(market.spec, current, input);
      accepted<LimitsReply>(
        await run(ctx, {
          verb: 'send',
          target: `market/${market.spec.symbol}`,
          reason,
          message: { type: 'setLimits', payload: change },
        }),
      );
      return adminMarket(ctx, market);
    },
    createMarket: async (_root, { input, reason }, ctx) => {
      const principal = requireAdmin(ctx);
      const why = checkReason(reason);
      const catalog = ctx.services.marketCatalog;
      if (!catalog)
        throw graphError(ErrorCode.UNAVAILABLE, 'Market creation is not connected to this gateway.');
      const spec = newMarketSpec(input);
      const exists = () => graphError('MARKET_EXISTS', `Market ${spec.symbol} exists.`);
      if ((await knownMarkets(ctx)).some((m) => m.spec.symbol === spec.symbol)) throw exists();
      if ((await ctx.services.ask(`market/${spec.symbol}`, 'config', {})) !== null) throw exists();
      await record(ctx, principal, {
        verb: 'market.create',
        target: `market/${spec.symbol}`,
        reason: why,
        detail: spec,
      });
      // The node records it, opens its book (here, audited as this admin) and wires it: it trades
      // as soon as this returns.
      const created = await catalog.create(spec, principal.userId, async () => {
        accepted<OpenReply>(
          await run(ctx, {
            verb: 'send',
            target: `market/${spec.symbol}`,
            reason,
            message: { type: 'open', payload: toBookConfig(spec) },
          }),
        );
      });
      if (!created) throw exists();
      return adminMarket(ctx, await knownMarket(ctx, spec.symbol));
    },
    startMarketMaker: async (_root, { market, reason }, ctx) => {
      const principal = requireAdmin(ctx);
      const why = checkReason(reason);
      const makers = makersOf(ctx, market);
      await record(ctx, principal, {
        verb: 'mm.start',
        target: market ? `mm/${market}` : 'mm/*',
        reason: why,
      });
      for (const maker of makers) maker.start();
      return makerStatuses(ctx, makers);
    },
    stopMarketMaker: async (_root, { market, reason }, ctx) => {
      const principal = requireAdmin(ctx);
      const why = checkReason(reason);
      const makers = makersOf(ctx, market);
      await record(ctx, principal, {
        verb: 'mm.stop',
        target: market ? `mm/${market}` : 'mm/*',
        reason: why,
      });
      await Promise.all(makers.map((maker) => maker.stop()));
      return makerStatuses(ctx, makers);
    },
    setMarketMakerConfig: async (_root, { market, input, reason }, ctx) => {
      const principal = requireAdmin(ctx);
      const why = checkReason(reason);
      const maker = makersOf(ctx, market)[0]!;
      const spec = specOf(ctx, maker.status.market);
      const change = pmmChange(spec, input);
      try {
        checkPmmConfig({ ...maker.status.config, ...change });
      } catch (error) {
        if (error instanceof InvalidPmmConfigError)
          throw graphError(ErrorCode.BAD_USER_INPUT, error.message, { reason: error.code });
        throw error;
      }
      await record(ctx, principal, {
        verb: 'mm.config',
        target: `mm/${market}`,
        reason: why,
        detail: change,
      });
      maker.configure(change);
      return { spec, status: maker.status };
    },
  },
  Participant: {
    id: (p) => p.user.id,
    email: (p) => p.user.email,
    account: (p) => String(p.user.accountNumber),
    roles: (p) => rolesOf(p.user.roles).map((r) => r.toUpperCase() as 'USER' | 'ADMIN' | 'SRE'),
    mfaEnabled: (p) => p.user.mfaEnabled,
    createdAt: (p) => p.user.createdAt.getTime(),
    frozen: (p) => p.profile?.frozen ?? false,
    loginFrozen: (p) => p.user.frozen,
    kycTier: (p) => p.profile?.kyc.tier ?? 0,
    jurisdiction: (p) => p.profile?.kyc.jurisdiction ?? null,
  },
  AccountStatus: {
    account: (s) => String(s.account),
    kycTier: (s) => s.kyc.tier,
    jurisdiction: (s) => s.kyc.jurisdiction,
    frozen: (s) => s.frozen,
  },
  AdminOrder: {
    ...orderFields,
    account: (o) => String(o.account),
  },
  AdminTrade: {
    id: (t) => t.fill.id,
    account: (t) => String(t.account),
    market: (t) => t.fill.market,
    seq: (t) => String(t.fill.seq),
    side: (t) => t.fill.side,
    liquidity: (t) => t.fill.liquidity,
    paid: (t) => t.fill.paid,
    received: (t) => t.fill.received,
    time: (t) => t.fill.time,
  },
  BalanceAdjustment: {
    account: (b) => String(b.account),
    balances: (b) => [...b.balances],
  },
  AdminMarket: {
    symbol: (m) => m.spec.symbol,
    base: (m) => m.spec.base,
    quote: (m) => m.spec.quote,
    tickSize: (m) => m.spec.tickSize,
    lotSize: (m) => m.spec.lotSize,
    maxPrice: (m) => m.spec.maxPrice,
    referencePrice: (m) => m.spec.referencePrice ?? null,
    limits: (m) => (m.config ? { spec: m.spec, config: m.config } : null),
  },
  MarketRiskLimits: {
    minSize: (l) => sizeOf(l.spec, l.config.minSize),
    maxSize: (l) => sizeOf(l.spec, l.config.maxSize),
    minNotional: (l) => notionalOf(l.spec, l.config.minNotional),
    priceBandBps: (l) => l.config.priceBandBps,
    maxSizeCeiling: (l) => l.spec.maxSize,
  },
  MarketMakerStatus: {
    market: (m) => m.status.market,
    account: (m) => String(m.status.account),
    running: (m) => m.status.running,
    refreshes: (m) => m.status.refreshes,
    lastMid: (m) => (m.status.lastMid === null ? null : priceOf(m.spec, m.status.lastMid)),
    inventory: (m) => (m.status.inventory === null ? null : sizeOf(m.spec, m.status.inventory)),
    openQuotes: (m) => m.status.openQuotes,
    config: (m) => ({ spec: m.spec, config: m.status.config }),
  },
  MarketMakerConfig: {
    spreadBps: (c) => c.config.spreadBps,
    levels: (c) => c.config.levels,
    levelSpacingBps: (c) => c.config.levelSpacingBps,
    orderSize: (c) => sizeOf(c.spec, c.config.orderSize),
    minOrderSize: (c) => sizeOf(c.spec, c.config.minOrderSize),
    targetInventory: (c) => sizeOf(c.spec, c.config.targetInventory),
    minInventory: (c) => sizeOf(c.spec, c.config.minInventory),
    maxInventory: (c) => sizeOf(c.spec, c.config.maxInventory),
    inventorySkew: (c) => c.config.inventorySkew,
  },
};
