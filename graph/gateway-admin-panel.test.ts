import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { demoMarkets } from '../actors/market/index.ts';
import { MarketMaker } from '../actors/mm/index.ts';
import { totpCode, totpStep } from './auth/index.ts';
import { codes, gql } from './testing/client.ts';
import type { GraphResult } from './testing/client.ts';
import { startTestGateway } from './testing/harness.ts';
import type { TestGateway } from './testing/harness.ts';

/**
 * The admin panel's GraphQL surface end to end: a real gateway over HTTP, real logins (roles from
 * ADMIN_EMAILS / SRE_EMAILS, MFA), the exchange's actors, the PGlite read models and audit log.
 */

let t: TestGateway;
let skew = 0;
const PASSWORD = 'Panel-password-99';
const ETH = demoMarkets.find((m) => m.symbol === 'ETH-USDT')!;
const MM_ACCOUNT = 910_001;

beforeAll(async () => {
  t = await startTestGateway(undefined, {
    ledger: true,
    auth: {
      now: () => Date.now() + skew,
      roleEmails: {
        admin: ['boss@example.com', 'nomfa@example.com', 'late@example.com'],
        sre: ['ops@example.com'],
      },
    },
    marketMaking: (exchange) => ({
      makers: [
        new MarketMaker(exchange.path, exchange.ask, {
          spec: ETH,
          account: MM_ACCOUNT,
          config: {
            spreadBps: 20,
            levels: 2,
            levelSpacingBps: 5,
            orderSize: 2_000,
            minOrderSize: 20,
            targetInventory: 20_000,
            minInventory: 10_000,
            maxInventory: 30_000,
            inventorySkew: 0.5,
          },
          mid: () => 320_000,
          refreshMs: 3_600_000,
        }),
      ],
    }),
  });
});

afterAll(async () => {
  await t.stop();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const AUTH = 'accessToken user { id account roles }';
interface Session {
  accessToken: string;
  user: { id: string; account: string; roles: string[] };
}

async function register(email: string): Promise<Session> {
  const r = await gql(t.url, `mutation ($i: RegisterInput!) { register(input: $i) { ${AUTH} } }`, {
    i: { email, password: PASSWORD },
  });
  expect(r.errors).toBeUndefined();
  return r.data!.register as Session;
}

async function login(email: string, totp?: string): Promise<Session> {
  const r = await gql(t.url, `mutation ($i: LoginInput!) { login(input: $i) { ${AUTH} } }`, {
    i: { email, password: PASSWORD, ...(totp ? { totp } : {}) },
  });
  expect(r.errors).toBeUndefined();
  return r.data!.login as Session;
}

/** Turns MFA on for a signed-in user and logs in again with a code: a session that passed MFA. */
async function withMfa(email: string, token: string): Promise<Session> {
  const setup = await gql(t.url, 'mutation { enableTotp { secret } }', {}, bearer(token));
  const { secret } = setup.data!.enableTotp as { secret: string };
  const code = () => totpCode(secret, totpStep(Date.now() + skew));
  await gql(t.url, 'mutation ($c: String!) { verifyTotp(code: $c) }', { c: code() }, bearer(token));
  skew += 30_000;
  return login(email, code());
}

let admin: Session;
let adminNoMfa: Session;
let alice: Session;
let bob: Session;

const as = (s: Session) => bearer(s.accessToken);
const ok = (r: GraphResult) => {
  expect(r.errors).toBeUndefined();
  return r.data!;
};

async function audit(
  target: string,
): Promise<{ verb: string; reason: string; outcome: string; detail: string | null }[]> {
  const r = await gql(
    t.url,
    'query ($t: String) { auditLog(target: $t, first: 50) { edges { node { principal verb target reason outcome detail } } } }',
    { t: target },
    as(admin),
  );
  return (ok(r).auditLog as { edges: { node: never }[] }).edges.map((e) => e.node);
}

const PARTICIPANTS =
  'query ($s: String, $f: Int, $a: String) { participants(search: $s, first: $f, after: $a) { edges { cursor node { id email account roles frozen kycTier jurisdiction mfaEnabled } } pageInfo { hasNextPage endCursor } } }';
const SET_KYC =
  'mutation ($a: ID!, $t: Int!, $j: String, $r: String!) { setKyc(account: $a, tier: $t, jurisdiction: $j, reason: $r) { account kycTier jurisdiction frozen } }';
const STATUS = 'query ($a: ID!) { accountStatus(account: $a) { account kycTier jurisdiction frozen } }';
const ROLES =
  'mutation ($u: ID!, $roles: [Role!]!, $r: String!) { setUserRoles(userId: $u, roles: $roles, reason: $r) { id roles } }';
const BALANCES = 'query ($a: ID!) { accountBalances(account: $a) { asset available locked } }';
const ADJUST =
  'mutation ($a: ID!, $s: String!, $m: Decimal!, $x: String!, $r: String!) { adjustBalance(account: $a, asset: $s, amount: $m, txId: $x, reason: $r) { txId account asset amount balances { asset available locked } } }';
const ORDERS =
  'query ($f: AdminOrderFilter, $n: Int, $a: String) { adminOrders(filter: $f, first: $n, after: $a) { edges { cursor node { id account market side type status price size filledSize fees { asset amount } } } pageInfo { hasNextPage endCursor } } }';
const TRADES =
  'query ($f: AdminTradeFilter, $n: Int, $a: String) { adminTrades(filter: $f, first: $n, after: $a) { edges { cursor node { id account market seq side liquidity paid { asset amount } received { asset amount } } } pageInfo { hasNextPage endCursor } } }';
const MARKETS =
  '{ adminMarkets { symbol base quote status live createdBy limits { minSize maxSize minNotional priceBandBps maxSizeCeiling } } }';
const SET_STATUS =
  'mutation ($s: ID!, $st: MarketStatus!, $r: String!) { setMarketStatus(symbol: $s, status: $st, reason: $r) { symbol status } }';
const SET_LIMITS =
  'mutation ($s: ID!, $i: MarketRiskLimitsInput!, $r: String!) { setMarketRiskLimits(symbol: $s, input: $i, reason: $r) { symbol limits { minSize maxSize minNotional priceBandBps } } }';
const CREATE =
  'mutation ($i: CreateMarketInput!, $r: String!) { createMarket(input: $i, reason: $r) { symbol base quote status live createdBy limits { minSize maxSize minNotional priceBandBps } } }';
const MM_STATUS =
  'running openQuotes market account lastMid config { spreadBps levels orderSize minInventory }';
const MMS = `{ marketMakers { ${MM_STATUS} } }`;
const MM_START = `mutation ($m: ID, $r: String!) { startMarketMaker(market: $m, reason: $r) { ${MM_STATUS} } }`;
const MM_STOP = `mutation ($m: ID, $r: String!) { stopMarketMaker(market: $m, reason: $r) { ${MM_STATUS} } }`;
const MM_CONFIG = `mutation ($m: ID!, $i: MarketMakerConfigInput!, $r: String!) { setMarketMakerConfig(market: $m, input: $i, reason: $r) { ${MM_STATUS} } }`;
const PLACE = 'mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id status } }';

describe('admin panel', () => {
  it('admin panel - ADMIN_EMAILS and SRE_EMAILS give roles at registration and at login, persisted', async () => {
    const boss = await register('boss@example.com');
    expect(boss.user.roles).toEqual(['USER', 'ADMIN']);
    expect((await register('ops@example.com')).user.roles).toEqual(['USER', 'SRE']);
    alice = await register('alice@example.com');
    expect(alice.user.roles).toEqual(['USER']);
    bob = await register('bob@example.com');
    // A user stored before the email was listed gets the role at the next login.
    const { hashPassword, TEST_SCRYPT_PARAMS } = await import('./auth/index.ts');
    await t.users.createUser({
      email: 'late@example.com',
      passwordHash: await hashPassword(PASSWORD, TEST_SCRYPT_PARAMS),
      roles: ['user'],
    });
    expect((await login('late@example.com')).user.roles).toEqual(['USER', 'ADMIN']);
    expect((await t.users.findByEmail('late@example.com'))!.roles).toEqual(['user', 'admin']);

    admin = await withMfa('boss@example.com', boss.accessToken);
    await register('nomfa@example.com');
    adminNoMfa = await login('nomfa@example.com');
    expect(adminNoMfa.user.roles).toContain('ADMIN');
  });

  it('admin panel - every field refuses a plain user and an admin without MFA (FORBIDDEN), and changes nothing', async () => {
    const a = alice.user.account;
    const calls: [string, Record<string, unknown>][] = [
      [PARTICIPANTS, {}],
      [STATUS, { a }],
      [SET_KYC, { a, t: 3, j: 'DE', r: 'self-service' }],
      [ROLES, { u: alice.user.id, roles: ['USER', 'ADMIN'], r: 'self-promotion' }],
      [BALANCES, { a }],
      [ADJUST, { a, s: 'USDT', m: '1000000', x: 'free-money', r: 'because' }],
      [ORDERS, {}],
      [TRADES, {}],
      [MARKETS, {}],
      [SET_STATUS, { s: 'BTC-USDT', st: 'HALTED', r: 'mischief' }],
      [SET_LIMITS, { s: 'BTC-USDT', i: { maxSize: '1' }, r: 'mischief' }],
      [
        CREATE,
        {
          i: {
            base: 'QTRA',
            quote: 'BTC',
            tickSize: '0.00000001',
            lotSize: '1',
            minSize: '1',
            maxSize: '1000',
            maxPrice: '1',
            minNotional: '0',
            priceBandBps: 1000,
          },
          r: 'mischief',
        },
      ],
      [MMS, {}],
      [MM_START, { r: 'mischief' }],
      [MM_STOP, { r: 'mischief' }],
      [MM_CONFIG, { m: 'ETH-USDT', i: { spreadBps: 1 }, r: 'mischief' }],
    ];
    for (const session of [alice, adminNoMfa]) {
      for (const [query, variables] of calls) {
        const r = await gql(t.url, query, variables, as(session));
        expect(codes(r), query.slice(0, 60)).toEqual(['FORBIDDEN']);
      }
    }
    expect(codes(await gql(t.url, MARKETS, {}))).toEqual(['UNAUTHENTICATED']);
    // Nothing happened: no money, no role, no halt, no market.
    expect(ok(await gql(t.url, BALANCES, { a }, as(admin))).accountBalances).toEqual([]);
    expect((await t.users.findById(alice.user.id))!.roles).toEqual(['user']);
    const markets = ok(await gql(t.url, MARKETS, {}, as(admin))).adminMarkets as {
      symbol: string;
      status: string;
    }[];
    expect(markets.map((m) => [m.symbol, m.status])).toEqual([
      ['BTC-USDT', 'OPEN'],
      ['ETH-USDT', 'OPEN'],
      ['QTRA-USDT', 'OPEN'],
    ]);
  });

  it('admin panel - participants: search by email or account, set KYC, roles; bad input is typed and changes nothing', async () => {
    const all = ok(await gql(t.url, PARTICIPANTS, {}, as(admin))).participants as {
      edges: { node: { email: string } }[];
    };
    expect(all.edges.map((e) => e.node.email)).toEqual(
      expect.arrayContaining(['alice@example.com', 'bob@example.com', 'boss@example.com']),
    );
    const page = ok(await gql(t.url, PARTICIPANTS, { f: 1 }, as(admin))).participants as {
      edges: unknown[];
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
    expect(page.edges).toHaveLength(1);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = ok(await gql(t.url, PARTICIPANTS, { f: 1, a: page.pageInfo.endCursor }, as(admin)))
      .participants as { edges: unknown[] };
    expect(next.edges).not.toEqual(page.edges);
    const byEmail = ok(await gql(t.url, PARTICIPANTS, { s: 'ALICE@' }, as(admin))).participants as {
      edges: { node: unknown }[];
    };
    expect(byEmail.edges.map((e) => e.node)).toEqual([
      {
        id: alice.user.id,
        email: 'alice@example.com',
        account: alice.user.account,
        roles: ['USER'],
        frozen: false,
        kycTier: 0,
        jurisdiction: null,
        mfaEnabled: false,
      },
    ]);
    const byAccount = ok(await gql(t.url, PARTICIPANTS, { s: bob.user.account }, as(admin))).participants as {
      edges: { node: { email: string } }[];
    };
    expect(byAccount.edges.map((e) => e.node.email)).toEqual(['bob@example.com']);

    // KYC.
    const a = alice.user.account;
    for (const [variables, code] of [
      [{ a, t: 4, j: 'DE', r: 'docs checked' }, 'BAD_USER_INPUT'],
      [{ a, t: 2, j: 'Germany', r: 'docs checked' }, 'BAD_USER_INPUT'],
      [{ a, t: 2, j: 'DE', r: 'x' }, 'BAD_USER_INPUT'],
      [{ a: 'alice', t: 2, j: 'DE', r: 'docs checked' }, 'BAD_USER_INPUT'],
      [{ a: '4000000', t: 2, j: 'DE', r: 'docs checked' }, 'UNKNOWN_ACCOUNT'],
    ] as const) {
      expect(codes(await gql(t.url, SET_KYC, variables, as(admin)))).toEqual([code]);
    }
    expect(ok(await gql(t.url, STATUS, { a }, as(admin))).accountStatus).toEqual({
      account: a,
      kycTier: 0,
      jurisdiction: null,
      frozen: false,
    });
    expect(await audit(`account/${a}`)).toEqual([]);
    expect(
      ok(await gql(t.url, SET_KYC, { a, t: 2, j: 'de', r: 'passport verified' }, as(admin))).setKyc,
    ).toEqual({
      account: a,
      kycTier: 2,
      jurisdiction: 'DE',
      frozen: false,
    });
    // Freeze (the existing mutation) shows in the list.
    await gql(
      t.url,
      'mutation ($a: ID!) { freezeAccount(account: $a, frozen: true, reason: "aml review") }',
      { a },
      as(admin),
    );
    const frozen = ok(await gql(t.url, PARTICIPANTS, { s: 'alice' }, as(admin))).participants as {
      edges: { node: { frozen: boolean; kycTier: number } }[];
    };
    expect(frozen.edges[0]!.node).toMatchObject({ frozen: true, kycTier: 2 });
    await gql(
      t.url,
      'mutation ($a: ID!) { freezeAccount(account: $a, frozen: false, reason: "aml review done") }',
      { a },
      as(admin),
    );
    expect(await audit(`account/${a}`)).toMatchObject([
      { verb: 'send', reason: 'aml review done', outcome: 'accepted', detail: '{"message":"setFrozen"}' },
      { verb: 'send', reason: 'aml review', outcome: 'accepted', detail: '{"message":"setFrozen"}' },
      { verb: 'send', reason: 'passport verified', outcome: 'accepted', detail: '{"message":"setKyc"}' },
    ]);

    // Roles.
    const bossId = admin.user.id;
    expect(codes(await gql(t.url, ROLES, { u: bossId, roles: ['USER'], r: 'oops' }, as(admin)))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(
      codes(
        await gql(
          t.url,
          ROLES,
          { u: '00000000-0000-4000-8000-000000000000', roles: ['SRE'], r: 'who' },
          as(admin),
        ),
      ),
    ).toEqual(['UNKNOWN_USER']);
    expect(codes(await gql(t.url, ROLES, { u: bob.user.id, roles: ['ROOT'], r: 'who' }, as(admin)))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect((await t.users.findById(bob.user.id))!.roles).toEqual(['user']);
    expect(
      ok(await gql(t.url, ROLES, { u: bob.user.id, roles: ['SRE'], r: 'on-call rotation' }, as(admin)))
        .setUserRoles,
    ).toEqual({ id: bob.user.id, roles: ['USER', 'SRE'] });
    expect((await t.users.findById(bob.user.id))!.roles).toEqual(['user', 'sre']);
    const roleAudit = await audit(`user/${bob.user.id}`);
    expect(roleAudit).toMatchObject([
      { verb: 'user.roles', reason: 'on-call rotation', outcome: 'accepted' },
    ]);
    expect(JSON.parse(roleAudit[0]!.detail!)).toEqual({
      from: ['user'],
      to: ['user', 'sre'],
      account: Number(bob.user.account),
    });
    // The next login carries the new role.
    expect((await login('bob@example.com')).user.roles).toEqual(['USER', 'SRE']);
  });

  it('admin panel - balances and audited adjustments: credit, debit, idempotent, typed refusals change nothing', async () => {
    const a = bob.user.account;
    const balances = async () => ok(await gql(t.url, BALANCES, { a }, as(admin))).accountBalances;
    const credit = ok(
      await gql(
        t.url,
        ADJUST,
        { a, s: 'USDT', m: '1000.5', x: 'goodwill-1', r: 'compensation for outage' },
        as(admin),
      ),
    ).adjustBalance;
    expect(credit).toEqual({
      txId: 'adjust:goodwill-1',
      account: a,
      asset: 'USDT',
      amount: '1000.5',
      balances: [{ asset: 'USDT', available: '1000.5', locked: '0' }],
    });
    // The same txId again is the same adjustment, not a second one.
    ok(await gql(t.url, ADJUST, { a, s: 'USDT', m: '1000.5', x: 'goodwill-1', r: 'retry' }, as(admin)));
    expect(await balances()).toEqual([{ asset: 'USDT', available: '1000.5', locked: '0' }]);
    const debit = ok(
      await gql(t.url, ADJUST, { a, s: 'USDT', m: '-0.5', x: 'fix-1', r: 'rounding correction' }, as(admin)),
    ).adjustBalance as { balances: unknown };
    expect(debit.balances).toEqual([{ asset: 'USDT', available: '1000', locked: '0' }]);
    for (const [variables, code] of [
      [{ a, s: 'USDT', m: '-5000', x: 'fix-2', r: 'too much' }, 'INSUFFICIENT_BALANCE'],
      [{ a, s: 'USDT', m: '0.000000001', x: 'fix-3', r: 'too precise' }, 'TOO_MANY_DECIMALS'],
      [{ a, s: 'DOGE', m: '1', x: 'fix-4', r: 'no such asset' }, 'UNKNOWN_ASSET'],
      [{ a, s: 'USDT', m: '0', x: 'fix-5', r: 'nothing' }, 'INVALID_AMOUNT'],
      [{ a, s: 'USDT', m: '1', x: 'bad id!', r: 'bad id' }, 'BAD_USER_INPUT'],
      [{ a, s: 'USDT', m: '1', x: 'fix-6', r: '' }, 'BAD_USER_INPUT'],
      [{ a: '4000000', s: 'USDT', m: '1', x: 'fix-7', r: 'nobody' }, 'UNKNOWN_ACCOUNT'],
      [{ a, s: 'USDT', m: '1e3', x: 'fix-8', r: 'exponent' }, 'BAD_USER_INPUT'],
    ] as const) {
      expect(codes(await gql(t.url, ADJUST, variables, as(admin))), JSON.stringify(variables)).toEqual([
        code,
      ]);
    }
    expect(await balances()).toEqual([{ asset: 'USDT', available: '1000', locked: '0' }]);
    const records = await audit(`account/${a}`);
    expect(records.map((r) => [r.reason, r.outcome, r.detail])).toEqual([
      ['too much', 'accepted', '{"message":"adjust"}'],
      ['rounding correction', 'accepted', '{"message":"adjust"}'],
      ['retry', 'accepted', '{"message":"adjust"}'],
      ['compensation for outage', 'accepted', '{"message":"adjust"}'],
    ]);
    expect(codes(await gql(t.url, BALANCES, { a: '4000000' }, as(admin)))).toEqual(['UNKNOWN_ACCOUNT']);
  });

  it('admin panel - orders and trades of every account from the read models, filtered and paged', async () => {
    await t.exchange.deposit(Number(alice.user.account), 'BTC', '1');
    const sell = {
      clientOrderId: 'p-s1',
      market: 'BTC-USDT',
      side: 'SELL',
      type: 'LIMIT',
      price: '65000',
      size: '0.01',
    };
    expect(ok(await gql(t.url, PLACE, { input: sell }, as(alice))).placeOrder).toMatchObject({
      status: 'NEW',
    });
    const buy = { ...sell, clientOrderId: 'p-b1', side: 'BUY', type: 'IOC', size: '0.004' };
    expect(ok(await gql(t.url, PLACE, { input: buy }, as(bob))).placeOrder).toMatchObject({
      status: 'FILLED',
    });
    await t.settle();

    const orders = async (variables: Record<string, unknown>) =>
      ok(await gql(t.url, ORDERS, variables, as(admin))).adminOrders as {
        edges: { cursor: string; node: { account: string; status: string; market: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    const everything = await orders({});
    expect(everything.edges.map((e) => [e.node.account, e.node.status])).toEqual([
      [bob.user.account, 'FILLED'],
      [alice.user.account, 'PARTIALLY_FILLED'],
    ]);
    expect((await orders({ f: { account: alice.user.account } })).edges[0]!.node).toMatchObject({
      market: 'BTC-USDT',
      side: 'SELL',
      type: 'LIMIT',
      price: '65000',
      size: '0.01',
      filledSize: '0.004',
    });
    expect((await orders({ f: { status: ['FILLED'] } })).edges.map((e) => e.node.account)).toEqual([
      bob.user.account,
    ]);
    expect((await orders({ f: { market: 'ETH-USDT' } })).edges).toEqual([]);
    expect((await orders({ f: { from: String(Date.now() + 60_000) } })).edges).toEqual([]);
    const first = await orders({ n: 1 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await orders({ n: 1, a: first.pageInfo.endCursor });
    expect(second.edges.map((e) => e.node.account)).toEqual([alice.user.account]);
    expect(second.pageInfo.hasNextPage).toBe(false);

    const trades = ok(await gql(t.url, TRADES, {}, as(admin))).adminTrades as {
      edges: { cursor: string; node: Record<string, unknown> }[];
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
    expect(trades.edges).toHaveLength(2);
    expect(trades.edges.map((e) => e.node)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          account: alice.user.account,
          market: 'BTC-USDT',
          side: 'SELL',
          liquidity: 'MAKER',
          paid: { asset: 'BTC', amount: '0.004' },
        }),
        expect.objectContaining({
          account: bob.user.account,
          market: 'BTC-USDT',
          side: 'BUY',
          liquidity: 'TAKER',
          paid: { asset: 'USDT', amount: '260' },
        }),
      ]),
    );
    const bobs = ok(await gql(t.url, TRADES, { f: { account: bob.user.account } }, as(admin)))
      .adminTrades as {
      edges: { node: { account: string } }[];
    };
    expect(bobs.edges.map((e) => e.node.account)).toEqual([bob.user.account]);
    const paged = ok(await gql(t.url, TRADES, { n: 1 }, as(admin))).adminTrades as typeof trades;
    expect(paged.pageInfo.hasNextPage).toBe(true);
    const rest = ok(await gql(t.url, TRADES, { n: 1, a: paged.pageInfo.endCursor }, as(admin)))
      .adminTrades as typeof trades;
    expect(rest.edges).toHaveLength(1);
    expect(rest.edges[0]!.node.account).not.toBe(paged.edges[0]!.node.account);

    for (const [query, variables] of [
      [ORDERS, { a: 'bogus' }],
      [ORDERS, { f: { market: 'btc usdt' } }],
      [ORDERS, { f: { account: 'x' } }],
      [ORDERS, { f: { from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' } }],
      [ORDERS, { n: 0 }],
      [TRADES, { a: 'bogus' }],
      [TRADES, { n: 501 }],
    ] as const) {
      expect(codes(await gql(t.url, query, variables, as(admin))), JSON.stringify(variables)).toEqual([
        'BAD_USER_INPUT',
      ]);
    }
  });

  it('admin panel - markets: status OPEN/HALTED/CANCEL_ONLY/POST_ONLY, risk limits the book enforces, audited', async () => {
    const markets = ok(await gql(t.url, MARKETS, {}, as(admin))).adminMarkets as Record<string, unknown>[];
    expect(markets[0]).toEqual({
      symbol: 'BTC-USDT',
      base: 'BTC',
      quote: 'USDT',
      status: 'OPEN',
      live: true,
      createdBy: null,
      limits: {
        minSize: '0.00001',
        maxSize: '100',
        minNotional: '5',
        priceBandBps: 1000,
        maxSizeCeiling: '100',
      },
    });
    const order = (id: string, extra: Record<string, unknown> = {}) => ({
      input: {
        clientOrderId: id,
        market: 'BTC-USDT',
        side: 'BUY',
        type: 'LIMIT',
        price: '64000',
        size: '0.001',
        ...extra,
      },
    });
    await t.exchange.deposit(Number(bob.user.account), 'USDT', '100000');
    const set = (st: string, r = 'incident 7') => gql(t.url, SET_STATUS, { s: 'BTC-USDT', st, r }, as(admin));
    expect(ok(await set('CANCEL_ONLY')).setMarketStatus).toEqual({
      symbol: 'BTC-USDT',
      status: 'CANCEL_ONLY',
    });
    expect(ok(await gql(t.url, PLACE, order('m-1'), as(bob))).placeOrder).toMatchObject({
      status: 'REJECTED',
    });
    expect(ok(await set('POST_ONLY')).setMarketStatus).toEqual({ symbol: 'BTC-USDT', status: 'POST_ONLY' });
    expect(ok(await gql(t.url, PLACE, order('m-2'), as(bob))).placeOrder).toMatchObject({
      status: 'REJECTED',
    });
    expect(ok(await gql(t.url, PLACE, order('m-2p', { postOnly: true }), as(bob))).placeOrder).toMatchObject({
      status: 'NEW',
    });
    expect(ok(await set('HALTED')).setMarketStatus).toEqual({ symbol: 'BTC-USDT', status: 'HALTED' });
    expect(ok(await gql(t.url, PLACE, order('m-3'), as(bob))).placeOrder).toMatchObject({
      status: 'REJECTED',
    });
    expect(ok(await set('OPEN', 'incident 7 resolved')).setMarketStatus).toEqual({
      symbol: 'BTC-USDT',
      status: 'OPEN',
    });
    // Bad input: nothing changes.
    expect(codes(await set('CLOSED'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await set('HALTED', 'no'))).toEqual(['BAD_USER_INPUT']);
    expect(
      codes(await gql(t.url, SET_STATUS, { s: 'DOGE-USDT', st: 'HALTED', r: 'whatever' }, as(admin))),
    ).toEqual(['UNKNOWN_MARKET']);
    expect(await t.exchange.ask('market/BTC-USDT', 'summary', {})).toMatchObject({ status: 'OPEN' });
    expect((await audit('market/BTC-USDT')).map((r) => r.reason)).toEqual([
      'incident 7 resolved',
      'incident 7',
      'incident 7',
      'incident 7',
    ]);

    // Risk limits.
    const limits = (i: Record<string, unknown>, r = 'tighten after incident') =>
      gql(t.url, SET_LIMITS, { s: 'BTC-USDT', i, r }, as(admin));
    for (const i of [
      { maxSize: '1000' }, // above the spec's ceiling
      { maxSize: '0.000001' }, // not a lot multiple
      { minNotional: '0.00000005' }, // not a multiple of tick × lot (0.0000001)
      { minNotional: '-1' },
      { priceBandBps: 20_000 },
      { minSize: '2', maxSize: '1' },
      {},
    ]) {
      expect(codes(await limits(i)), JSON.stringify(i)).toEqual(['BAD_USER_INPUT']);
    }
    expect(await t.exchange.ask('market/BTC-USDT', 'config', {})).toMatchObject({
      maxSize: 10_000_000,
      minNotional: 50_000_000,
      priceBandBps: 1000,
    });
    expect(
      ok(await limits({ maxSize: '0.5', minNotional: '10', priceBandBps: 500 })).setMarketRiskLimits,
    ).toEqual({
      symbol: 'BTC-USDT',
      limits: { minSize: '0.00001', maxSize: '0.5', minNotional: '10', priceBandBps: 500 },
    });
    expect(ok(await gql(t.url, PLACE, order('m-4', { size: '0.6' }), as(bob))).placeOrder).toMatchObject({
      status: 'REJECTED',
    });
    // 0.0001 × 64,000 = 6.4 USDT: under the new 10 USDT minimum.
    expect(ok(await gql(t.url, PLACE, order('m-5', { size: '0.0001' }), as(bob))).placeOrder).toMatchObject({
      status: 'REJECTED',
    });
    expect(ok(await gql(t.url, PLACE, order('m-6', { size: '0.001' }), as(bob))).placeOrder).toMatchObject({
      status: 'NEW',
    });
    expect((await audit('market/BTC-USDT'))[0]).toMatchObject({
      verb: 'send',
      reason: 'tighten after incident',
      detail: '{"message":"setLimits"}',
    });
    ok(await limits({ maxSize: '100', minNotional: '5', priceBandBps: 1000 }, 'back to normal'));
  });

  it('admin panel - createMarket opens the market and it trades at once: orders settle, book, tape, markets', async () => {
    const input = {
      base: 'ETH',
      quote: 'BTC',
      tickSize: '0.00001',
      lotSize: '0.001',
      minSize: '0.001',
      maxSize: '1000',
      maxPrice: '10',
      minNotional: '0.0001',
      priceBandBps: 1500,
      referencePrice: '0.05',
    };
    for (const [i, code] of [
      [{ ...input, base: 'DOGE' }, 'UNKNOWN_ASSET'],
      [{ ...input, quote: 'ETH' }, 'BAD_USER_INPUT'],
      [{ ...input, maxPrice: '10.000005' }, 'BAD_USER_INPUT'],
      [{ ...input, lotSize: '0.0000000000000000001' }, 'BAD_USER_INPUT'],
      [{ ...input, priceBandBps: -1 }, 'BAD_USER_INPUT'],
      [{ ...input, base: 'BTC', quote: 'USDT' }, 'MARKET_EXISTS'],
    ] as const) {
      expect(codes(await gql(t.url, CREATE, { i, r: 'new listing' }, as(admin))), JSON.stringify(i)).toEqual([
        code,
      ]);
    }
    expect(await t.exchange.ask('market/ETH-BTC', 'config', {})).toBeNull();
    const carol = await register('carol@example.com');
    const dave = await register('dave@example.com');
    // Before it exists: no such market anywhere.
    const sell = {
      clientOrderId: 'eb-s1',
      market: 'ETH-BTC',
      side: 'SELL',
      type: 'LIMIT',
      price: '0.05',
      size: '2',
    };
    expect(codes(await gql(t.url, PLACE, { input: sell }, as(carol)))).toEqual(['UNKNOWN_MARKET']);
    expect(ok(await gql(t.url, '{ market(symbol: "ETH-BTC") { symbol } }')).market).toBeNull();

    const created = ok(
      await gql(t.url, CREATE, { i: input, r: 'new listing ETH/BTC' }, as(admin)),
    ).createMarket;
    expect(created).toEqual({
      symbol: 'ETH-BTC',
      base: 'ETH',
      quote: 'BTC',
      status: 'OPEN',
      live: true,
      createdBy: admin.user.id,
      limits: { minSize: '0.001', maxSize: '1000', minNotional: '0.0001', priceBandBps: 1500 },
    });
    // Served at once: listed, with its spec, book and (empty) tape.
    expect(
      (ok(await gql(t.url, '{ markets { symbol } }')).markets as { symbol: string }[]).map((m) => m.symbol),
    ).toEqual(['BTC-USDT', 'ETH-USDT', 'QTRA-USDT', 'ETH-BTC']);
    expect(
      ok(await gql(t.url, '{ market(symbol: "ETH-BTC") { symbol base quote tickSize lotSize status } }'))
        .market,
    ).toEqual({
      symbol: 'ETH-BTC',
      base: 'ETH',
      quote: 'BTC',
      tickSize: '0.00001',
      lotSize: '0.001',
      status: 'OPEN',
    });
    const ws = createClient({ url: t.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false });
    const tape: unknown[] = [];
    const tapeDone = ws.subscribe(
      { query: 'subscription { trades(symbol: "ETH-BTC") { price size takerSide } }' },
      {
        next: (value) => void tape.push(value.data?.['trades']),
        error: () => undefined,
        complete: () => undefined,
      },
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Two users fund and trade on it over GraphQL: both sides settle.
      await t.exchange.deposit(Number(carol.user.account), 'ETH', '2');
      await t.exchange.deposit(Number(dave.user.account), 'BTC', '1');
      expect(ok(await gql(t.url, PLACE, { input: sell }, as(carol))).placeOrder).toMatchObject({
        status: 'NEW',
      });
      const BOOK = '{ orderBook(symbol: "ETH-BTC", depth: 5) { bids { price size } asks { price size } } }';
      await t.settle();
      expect(ok(await gql(t.url, BOOK)).orderBook).toEqual({
        bids: [],
        asks: [{ price: '0.05', size: '2' }],
      });
      const buy = { ...sell, clientOrderId: 'eb-b1', side: 'BUY', type: 'IOC', size: '1' };
      expect(ok(await gql(t.url, PLACE, { input: buy }, as(dave))).placeOrder).toMatchObject({
        status: 'FILLED',
      });
      await t.settle();
      const BALANCES_OWN = '{ balances { asset available locked } }';
      // 1 ETH less the 25 bps taker fee; 0.05 BTC less the 15 bps maker fee.
      expect(ok(await gql(t.url, BALANCES_OWN, {}, as(dave))).balances).toEqual([
        { asset: 'BTC', available: '0.95', locked: '0' },
        { asset: 'ETH', available: '0.9975', locked: '0' },
      ]);
      expect(ok(await gql(t.url, BALANCES_OWN, {}, as(carol))).balances).toEqual([
        { asset: 'BTC', available: '0.049925', locked: '0' },
        { asset: 'ETH', available: '0', locked: '1' },
      ]);
      expect(ok(await gql(t.url, BOOK)).orderBook).toEqual({
        bids: [],
        asks: [{ price: '0.05', size: '1' }],
      });
      const trades = ok(
        await gql(t.url, '{ trades(symbol: "ETH-BTC") { edges { node { price size takerSide } } } }'),
      ).trades as { edges: { node: unknown }[] };
      expect(trades.edges.map((e) => e.node)).toEqual([{ price: '0.05', size: '1', takerSide: 'BUY' }]);
      expect(tape).toEqual([{ price: '0.05', size: '1', takerSide: 'BUY' }]);
    } finally {
      tapeDone();
      await ws.dispose();
    }

    // Creating it again is refused and changes nothing.
    expect(
      codes(await gql(t.url, CREATE, { i: { ...input, maxPrice: '20' }, r: 'again' }, as(admin))),
    ).toEqual(['MARKET_EXISTS']);
    expect(t.markets.get('ETH-BTC')?.maxPrice).toBe('10');
    const markets = ok(await gql(t.url, MARKETS, {}, as(admin))).adminMarkets as {
      symbol: string;
      live: boolean;
    }[];
    expect(markets.map((m) => [m.symbol, m.live])).toEqual([
      ['BTC-USDT', true],
      ['ETH-USDT', true],
      ['QTRA-USDT', true],
      ['ETH-BTC', true],
    ]);
    // Its book is managed like any other.
    expect(
      ok(await gql(t.url, SET_STATUS, { s: 'ETH-BTC', st: 'HALTED', r: 'pause after launch' }, as(admin)))
        .setMarketStatus,
    ).toEqual({ symbol: 'ETH-BTC', status: 'HALTED' });
    expect(
      (await audit('market/ETH-BTC')).map((r) => [
        r.verb,
        r.reason,
        r.detail && JSON.parse(r.detail).message,
      ]),
    ).toEqual([
      ['send', 'pause after launch', 'setStatus'],
      ['send', 'new listing ETH/BTC', 'open'],
      ['market.create', 'new listing ETH/BTC', undefined],
    ]);
  });

  it('admin panel - market maker: status, start, spread and size config, stop (kill switch), audited', async () => {
    await t.exchange.deposit(MM_ACCOUNT, 'ETH', '2');
    await t.exchange.deposit(MM_ACCOUNT, 'USDT', '20000');
    expect(ok(await gql(t.url, MMS, {}, as(admin))).marketMakers).toEqual([
      {
        running: false,
        openQuotes: 0,
        market: 'ETH-USDT',
        account: String(MM_ACCOUNT),
        lastMid: null,
        config: { spreadBps: 20, levels: 2, orderSize: '0.2', minInventory: '1' },
      },
    ]);
    for (const [i, code] of [
      [{ orderSize: '0.00001' }, 'BAD_USER_INPUT'], // not a lot multiple
      [{ levels: 0 }, 'BAD_USER_INPUT'],
      [{ minInventory: '-1' }, 'BAD_USER_INPUT'],
      [{}, 'BAD_USER_INPUT'],
    ] as const) {
      expect(
        codes(await gql(t.url, MM_CONFIG, { m: 'ETH-USDT', i, r: 'tune' }, as(admin))),
        JSON.stringify(i),
      ).toEqual([code]);
    }
    expect(
      codes(await gql(t.url, MM_CONFIG, { m: 'BTC-USDT', i: { spreadBps: 30 }, r: 'tune' }, as(admin))),
    ).toEqual(['UNKNOWN_MARKET']);
    expect(codes(await gql(t.url, MM_START, { r: '' }, as(admin)))).toEqual(['BAD_USER_INPUT']);
    const configured = ok(
      await gql(
        t.url,
        MM_CONFIG,
        { m: 'ETH-USDT', i: { spreadBps: 40, orderSize: '0.1' }, r: 'wider in volatility' },
        as(admin),
      ),
    ).setMarketMakerConfig;
    expect(configured).toMatchObject({
      running: false,
      config: { spreadBps: 40, orderSize: '0.1', levels: 2 },
    });
    const started = ok(await gql(t.url, MM_START, { m: 'ETH-USDT', r: 'market open' }, as(admin)))
      .startMarketMaker as { running: boolean }[];
    expect(started).toMatchObject([{ running: true }]);
    // The first refresh quotes both sides.
    await expect
      .poll(async () => {
        const [s] = ok(await gql(t.url, MMS, {}, as(admin))).marketMakers as { openQuotes: number }[];
        return s!.openQuotes;
      })
      .toBe(4);
    const stopped = ok(await gql(t.url, MM_STOP, { r: 'kill switch drill' }, as(admin))).stopMarketMaker;
    expect(stopped).toMatchObject([{ running: false, openQuotes: 0, lastMid: '3200' }]);
    expect(await t.exchange.ask('market/ETH-USDT', 'depth', { levels: 5 })).toEqual({ bids: [], asks: [] });
    expect((await audit('mm/ETH-USDT')).map((r) => [r.verb, r.reason])).toEqual([
      ['mm.start', 'market open'],
      ['mm.config', 'wider in volatility'],
    ]);
    expect((await audit('mm/*')).map((r) => [r.verb, r.reason])).toEqual([['mm.stop', 'kill switch drill']]);
  });
});
