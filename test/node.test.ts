import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode, totpStep } from '../graph/auth/index.ts';
import { startNode, stopNode } from './running-node.ts';
import type { RunningNode } from './running-node.ts';

/**
 * What `npm start` does, end to end: a real node process with its forked shard hosts and the
 * embedded PGlite, driven over HTTP as an SRE, an admin and a developer would.
 */

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';
const SRE_TOKEN = 'sre-token-for-tests-0123456789ab';

async function call(
  node: RunningNode,
  path: string,
  options: { body?: string; token?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(node.base + path, {
    method: options.body === undefined ? 'GET' : 'POST',
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
    ...(options.body === undefined ? {} : { body: options.body }),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : { text },
  };
}

const ask = (node: RunningNode, envelope: unknown) =>
  call(node, '/dev/ask', { body: JSON.stringify(envelope) });

async function graphql(
  node: RunningNode,
  query: string,
  variables?: object,
  token?: string,
): Promise<{ data?: Record<string, unknown>; errors?: { extensions: { code: string } }[] }> {
  const res = await fetch(`${node.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as {
    data?: Record<string, unknown>;
    errors?: { extensions: { code: string } }[];
  };
}

let dataDir: string;
let node: RunningNode;
const env = (): Record<string, string> => ({
  PORT: '0',
  DATA_DIR: dataDir,
  ADMIN_TOKEN,
  SRE_TOKEN,
  LOG_LEVEL: 'warn',
  NODE_ENV: 'development',
  DATABASE_URL: '',
  // These tests check exact books and balances; the demo maker has its own test below.
  DEMO_MARKET_MAKER: 'off',
  // The web app has its own browser test (test/web-e2e.test.ts); these test the API.
  WEB_APP: 'off',
  ADMIN_EMAILS: 'root@example.com',
});

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'qt-node-'));
  node = await startNode(env());
});

afterAll(async () => {
  if (node) await stopNode(node, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('node (npm start)', () => {
  it('node - prints what it serves and reports healthy shard hosts', async () => {
    expect(node.output()).toContain('embedded PGlite');
    const health = await call(node, '/healthz');
    expect(health).toEqual({
      status: 200,
      body: {
        status: 'ok',
        node: 'node-1',
        hosts: [
          { host: 'shard-0', up: true },
          { host: 'shard-1', up: true },
        ],
      },
    });
  });

  it('node - actors answer over HTTP; a repeated message id gets the first reply', async () => {
    const deposit = { address: 'bank/e2e', type: 'deposit', payload: { amount: 70 }, id: 'e2e-1' };
    expect(await ask(node, deposit)).toEqual({ status: 200, body: { reply: { balance: 70 } } });
    expect(await ask(node, deposit)).toEqual({ status: 200, body: { reply: { balance: 70 } } });
    expect((await ask(node, { address: 'bank/e2e', type: 'balance', payload: {} })).body).toEqual({
      reply: { balance: 70 },
    });
  });

  it('node - the demo markets are open; orders go through accounts and settle both sides', async () => {
    expect(node.output()).toContain('BTC-USDT ETH-USDT QTRA-USDT');
    const market = 'market/QTRA-USDT';
    const deposit = (account: number, asset: string, amount: string) =>
      call(node, '/dev/deposit', { body: JSON.stringify({ account, asset, amount, txId: `n-${account}` }) });
    const order = (body: object) => call(node, '/dev/orders', { body: JSON.stringify(body) });
    expect((await deposit(1, 'QTRA', '40')).body).toEqual({ reply: { ok: true, txId: 'n-1' } });
    expect((await deposit(2, 'USDT', '10')).body).toEqual({ reply: { ok: true, txId: 'n-2' } });
    const sell = {
      clientOrderId: 's',
      market: 'QTRA-USDT',
      side: 'SELL',
      type: 'LIMIT',
      price: '0.25',
      size: '40',
    };
    expect((await order({ account: 1, ...sell })).body).toMatchObject({
      reply: { ok: true, order: { status: 'New' } },
    });
    const buy = {
      clientOrderId: 'b',
      market: 'QTRA-USDT',
      side: 'BUY',
      type: 'IOC',
      price: '0.25',
      size: '15',
    };
    expect((await order({ account: 2, ...buy })).body).toMatchObject({
      reply: { ok: true, order: { status: 'Filled', filledLots: 15 } },
    });
    expect((await ask(node, { address: market, type: 'depth', payload: { levels: 5 } })).body).toEqual({
      reply: { bids: [], asks: [[2_500, 25, 1]] },
    });
    // 15 QTRA less the 25 bps taker fee; 3.75 USDT less the 15 bps maker fee.
    expect((await ask(node, { address: 'account/2', type: 'balances', payload: {} })).body).toEqual({
      reply: [
        { asset: 'QTRA', available: '14.9625', locked: '0' },
        { asset: 'USDT', available: '6.25', locked: '0' },
      ],
    });
    expect((await ask(node, { address: 'account/1', type: 'balances', payload: {} })).body).toEqual({
      reply: [
        { asset: 'QTRA', available: '0', locked: '25' },
        { asset: 'USDT', available: '3.744375', locked: '0' },
      ],
    });
    // Straight to the book, past the account's checks and holds: refused.
    const direct = { orderId: 1, account: 1, side: 'SELL', orderType: 'LIMIT', price: 2_500, size: 40 };
    expect((await ask(node, { address: market, type: 'place', payload: direct })).body).toMatchObject({
      error: { code: 'INTERNAL_ONLY' },
    });
    const credit = { txId: 'free', asset: 'USDT', amount: '1000', chain: 'dev' };
    expect((await ask(node, { address: 'account/2', type: 'credit', payload: credit })).status).toBe(403);
  });

  it('node - bad input gets a typed error and changes nothing', async () => {
    const malformed = await ask(node, { address: 'bank/e2e', type: 'deposit', payload: { amount: -3 } });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: { code: 'MALFORMED_MESSAGE' } });
    const unknown = await ask(node, { address: 'bank/e2e', type: 'steal', payload: {} });
    expect(unknown.body).toMatchObject({ error: { code: 'UNKNOWN_MESSAGE' } });
    const huge = await call(node, '/dev/ask', { body: 'x'.repeat(70_000) });
    expect(huge.status).toBe(413);
    const notJson = await call(node, '/dev/ask', { body: '{"address": ' });
    expect(notJson.body).toMatchObject({ error: { code: 'MALFORMED_MESSAGE' } });
    const badAddress = await ask(node, { address: '../etc', type: 'balance', payload: {} });
    expect(badAddress.body).toMatchObject({ error: { code: 'INVALID_ADDRESS' } });
    expect((await ask(node, { address: 'bank/e2e', type: 'balance', payload: {} })).body).toEqual({
      reply: { balance: 70 },
    });
  });

  it('node - the actor tree and admin verbs need tokens; roles are enforced and commands audited', async () => {
    expect((await call(node, '/actors')).status).toBe(401);
    expect((await call(node, '/actors', { token: 'wrong-token-wrong-token' })).status).toBe(401);
    const tree = await call(node, '/actors', { token: SRE_TOKEN });
    expect(tree.status).toBe(200);
    const hosts = tree.body['hosts'] as { host: string; pid: number; actors: { address: string }[] }[];
    expect(hosts.map((h) => h.host)).toEqual(['shard-0', 'shard-1']);
    expect(hosts.flatMap((h) => h.actors.map((a) => a.address))).toContain('bank/e2e');

    const reason = JSON.stringify({ reason: 'end-to-end test' });
    const denied = await call(node, '/admin/actors/bank/e2e/freeze', { body: reason, token: SRE_TOKEN });
    expect(denied).toMatchObject({ status: 403, body: { error: { code: 'ADMIN_UNAUTHORISED' } } });
    const noReason = await call(node, '/admin/actors/bank/e2e/freeze', { body: '{}', token: ADMIN_TOKEN });
    expect(noReason.status).toBe(400);
    const frozen = await call(node, '/admin/actors/bank/e2e/freeze', { body: reason, token: ADMIN_TOKEN });
    expect(frozen).toEqual({ status: 200, body: { verb: 'freeze', target: 'bank/e2e', status: 'frozen' } });
    const refused = await ask(node, { address: 'bank/e2e', type: 'deposit', payload: { amount: 1 } });
    expect(refused).toMatchObject({ status: 423, body: { error: { code: 'ACTOR_FROZEN' } } });
    await call(node, '/admin/actors/bank/e2e/resume', { body: reason, token: ADMIN_TOKEN });
    const inspected = await call(node, '/admin/actors/bank/e2e/inspect', { body: reason, token: SRE_TOKEN });
    expect(inspected.body).toMatchObject({ detail: { status: 'running', state: { balance: 70 } } });
    const unknownVerb = await call(node, '/admin/actors/bank/e2e/explode', {
      body: reason,
      token: ADMIN_TOKEN,
    });
    expect(unknownVerb.status).toBe(404);
  });

  it('node - only an admin can halt a market; a halted market refuses orders until resumed', async () => {
    const market = 'market/ETH-USDT';
    const halt = JSON.stringify({
      reason: 'incident drill',
      type: 'setStatus',
      payload: { status: 'HALTED' },
    });
    const viaDev = await ask(node, { address: market, type: 'setStatus', payload: { status: 'HALTED' } });
    expect(viaDev).toMatchObject({ status: 403, body: { error: { code: 'ADMIN_UNAUTHORISED' } } });
    expect((await call(node, `/admin/actors/${market}/send`, { body: halt, token: SRE_TOKEN })).status).toBe(
      403,
    );
    const halted = await call(node, `/admin/actors/${market}/send`, { body: halt, token: ADMIN_TOKEN });
    expect(halted.body).toMatchObject({
      reply: { ok: true, events: [{ type: 'StatusChanged', status: 'HALTED' }] },
    });
    await call(node, '/dev/deposit', {
      body: JSON.stringify({ account: 3, asset: 'USDT', amount: '1000', txId: 'h' }),
    });
    const order = (clientOrderId: string) =>
      call(node, '/dev/orders', {
        body: JSON.stringify({
          account: 3,
          clientOrderId,
          market: 'ETH-USDT',
          side: 'BUY',
          type: 'LIMIT',
          price: '3200',
          size: '0.01',
        }),
      });
    expect((await order('h1')).body).toMatchObject({ reply: { ok: true, order: { status: 'Rejected' } } });
    const resume = JSON.stringify({ reason: 'drill over', type: 'setStatus', payload: { status: 'OPEN' } });
    await call(node, `/admin/actors/${market}/send`, { body: resume, token: ADMIN_TOKEN });
    expect((await order('h2')).body).toMatchObject({ reply: { ok: true, order: { status: 'New' } } });
    expect((await ask(node, { address: 'account/3', type: 'balances', payload: {} })).body).toEqual({
      reply: [{ asset: 'USDT', available: '968', locked: '32' }],
    });
  });

  it('node - the GraphQL gateway: register, trade with the token, see own balances; anonymous trading refused', async () => {
    const gql = async (query: string, variables?: object, token?: string) => {
      const res = await fetch(`${node.base}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as {
        data?: Record<string, unknown>;
        errors?: { extensions: { code: string } }[];
      };
    };
    const registered = await gql(
      'mutation ($i: RegisterInput!) { register(input: $i) { accessToken user { account } } }',
      {
        i: { email: 'e2e@example.com', password: 'correct horse battery 9' },
      },
    );
    const { accessToken, user } = registered.data!['register'] as {
      accessToken: string;
      user: { account: string };
    };
    expect(Number(user.account)).toBeGreaterThanOrEqual(1_000_000);
    await call(node, '/dev/deposit', {
      body: JSON.stringify({ account: Number(user.account), asset: 'USDT', amount: '1000', txId: 'gql-1' }),
    });
    const order = {
      o: { clientOrderId: 'g1', market: 'ETH-USDT', side: 'BUY', type: 'LIMIT', price: '3100', size: '0.1' },
    };
    const place = 'mutation ($o: PlaceOrderInput!) { placeOrder(input: $o) { status } }';
    expect((await gql(place, order, accessToken)).data).toEqual({ placeOrder: { status: 'NEW' } });
    expect((await gql('{ balances { asset available locked } }', undefined, accessToken)).data).toEqual({
      balances: [{ asset: 'USDT', available: '690', locked: '310' }],
    });
    expect((await gql(place, order)).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect((await gql('{ markets { symbol } }')).data).toEqual({
      markets: [{ symbol: 'BTC-USDT' }, { symbol: 'ETH-USDT' }, { symbol: 'QTRA-USDT' }],
    });
  });

  it('node - an admin creates a market: it trades at once, without a restart, and again after one', async () => {
    // An admin session that passed MFA (ADMIN_EMAILS gives the role; a code of the step after the
    // one that turned MFA on is inside the window and not a replay).
    const password = 'correct horse battery 9';
    const auth = 'accessToken';
    const registered = await graphql(
      node,
      `mutation ($i: RegisterInput!) { register(input: $i) { ${auth} } }`,
      {
        i: { email: 'root@example.com', password },
      },
    );
    const first = (registered.data!['register'] as { accessToken: string }).accessToken;
    const setup = await graphql(node, 'mutation { enableTotp { secret } }', {}, first);
    const { secret } = setup.data!['enableTotp'] as { secret: string };
    const step = totpStep(Date.now());
    expect(
      (
        await graphql(
          node,
          'mutation ($c: String!) { verifyTotp(code: $c) }',
          { c: totpCode(secret, step) },
          first,
        )
      ).errors,
    ).toBeUndefined();
    const login = await graphql(node, `mutation ($i: LoginInput!) { login(input: $i) { ${auth} } }`, {
      i: { email: 'root@example.com', password, totp: totpCode(secret, step + 1) },
    });
    const admin = (login.data!['login'] as { accessToken: string }).accessToken;

    const create =
      'mutation ($i: CreateMarketInput!, $r: String!) { createMarket(input: $i, reason: $r) { symbol status live } }';
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
    expect((await graphql(node, create, { i: input, r: 'new listing' }, admin)).data).toEqual({
      createMarket: { symbol: 'ETH-BTC', status: 'OPEN', live: true },
    });

    const deposit = (account: number, asset: string, amount: string) =>
      call(node, '/dev/deposit', { body: JSON.stringify({ account, asset, amount, txId: `cm-${account}` }) });
    const order = async (body: object) =>
      (await call(node, '/dev/orders', { body: JSON.stringify(body) })).body['reply'];
    const balances = async (account: number) =>
      (await ask(node, { address: `account/${account}`, type: 'balances', payload: {} })).body['reply'];
    expect((await deposit(11, 'ETH', '2')).body).toEqual({ reply: { ok: true, txId: 'cm-11' } });
    expect((await deposit(12, 'BTC', '1')).body).toEqual({ reply: { ok: true, txId: 'cm-12' } });
    const sell = {
      account: 11,
      clientOrderId: 'cm-s',
      market: 'ETH-BTC',
      side: 'SELL',
      type: 'LIMIT',
      price: '0.05',
      size: '2',
    };
    const buy = {
      account: 12,
      clientOrderId: 'cm-b1',
      market: 'ETH-BTC',
      side: 'BUY',
      type: 'IOC',
      price: '0.05',
      size: '1',
    };
    expect(await order(sell)).toMatchObject({ ok: true, order: { status: 'New' } });
    expect(await order(buy)).toMatchObject({ ok: true, order: { status: 'Filled', filledLots: 1_000 } });
    // 1 ETH less the 25 bps taker fee; 0.05 BTC less the 15 bps maker fee.
    expect(await balances(12)).toEqual([
      { asset: 'BTC', available: '0.95', locked: '0' },
      { asset: 'ETH', available: '0.9975', locked: '0' },
    ]);
    expect(await balances(11)).toEqual([
      { asset: 'BTC', available: '0.049925', locked: '0' },
      { asset: 'ETH', available: '0', locked: '1' },
    ]);
    expect((await graphql(node, '{ markets { symbol } }')).data).toEqual({
      markets: [
        { symbol: 'BTC-USDT' },
        { symbol: 'ETH-USDT' },
        { symbol: 'QTRA-USDT' },
        { symbol: 'ETH-BTC' },
      ],
    });
    const tape = '{ trades(symbol: "ETH-BTC") { edges { node { price size takerSide } } } }';
    expect((await graphql(node, tape)).data).toEqual({
      trades: { edges: [{ node: { price: '0.05', size: '1', takerSide: 'BUY' } }] },
    });
    expect((await graphql(node, create, { i: input, r: 'again' }, admin)).errors?.[0]?.extensions.code).toBe(
      'MARKET_EXISTS',
    );

    // Restarted on the same data: the market is read from the catalog and trades on.
    expect(await stopNode(node, 'SIGTERM')).toBe(0);
    node = await startNode(env());
    expect(node.output()).toContain('BTC-USDT ETH-USDT QTRA-USDT ETH-BTC');
    expect(await order({ ...buy, clientOrderId: 'cm-b2' })).toMatchObject({
      ok: true,
      order: { status: 'Filled', filledLots: 1_000 },
    });
    expect(await balances(12)).toEqual([
      { asset: 'BTC', available: '0.9', locked: '0' },
      { asset: 'ETH', available: '1.995', locked: '0' },
    ]);
    expect(await balances(11)).toEqual([
      { asset: 'BTC', available: '0.09985', locked: '0' },
      { asset: 'ETH', available: '0', locked: '0' },
    ]);
    expect(
      (await ask(node, { address: 'market/ETH-BTC', type: 'depth', payload: { levels: 5 } })).body,
    ).toEqual({
      reply: { bids: [], asks: [] },
    });
  });

  it('node - a crashing handler is restarted and shows in the tree and in /metrics', async () => {
    const crash = await ask(node, { address: 'bank/e2e', type: 'crash', payload: {} });
    expect(crash.body).toMatchObject({ error: { code: 'HANDLER_FAILED' } });
    expect((await ask(node, { address: 'bank/e2e', type: 'balance', payload: {} })).body).toEqual({
      reply: { balance: 70 },
    });
    const tree = await call(node, '/actors', { token: SRE_TOKEN });
    const actors = (tree.body['hosts'] as { actors: { address: string; restarts: number }[] }[]).flatMap(
      (h) => h.actors,
    );
    expect(actors.find((a) => a.address === 'bank/e2e')?.restarts).toBe(1);
    const metrics = await call(node, '/metrics');
    expect(metrics.body['text']).toMatch(/qt_actor_restarts_total\{kind="bank",host="shard-\d"\} 1/);
    expect(metrics.body['text']).toMatch(
      /qt_actor_handler_seconds_bucket\{kind="bank",le="[\d.e-]+",host="shard-\d"\} [1-9]/,
    );
  });

  it('node - data survives a SIGKILL of the whole node (embedded PGlite)', async () => {
    expect(await stopNode(node, 'SIGKILL')).toBe(null);
    node = await startNode(env());
    expect((await ask(node, { address: 'bank/e2e', type: 'balance', payload: {} })).body).toEqual({
      reply: { balance: 70 },
    });
    expect(await stopNode(node, 'SIGTERM')).toBe(0);
  });

  it('node - bad configuration stops the node with every problem listed', async () => {
    const bad = startNode({ ...env(), PORT: 'eighty', SHARDS: '0', ADMIN_TOKEN: 'short' });
    const error = (await bad.catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('exited with 1');
    expect(error.message).toContain('PORT');
    expect(error.message).toContain('SHARDS');
    expect(error.message).toContain('ADMIN_TOKEN: at least 16 characters');
  });
});

describe('node (npm start) with the demo market maker', () => {
  let mmNode: RunningNode | undefined;
  let mmDir: string;

  afterAll(async () => {
    if (mmNode) await stopNode(mmNode, 'SIGKILL');
    rmSync(mmDir, { recursive: true, force: true });
  });

  it('node - within seconds the demo books are two-sided and trading; the kill switch empties them', async () => {
    mmDir = mkdtempSync(join(tmpdir(), 'qt-node-mm-'));
    mmNode = await startNode({ ...env(), DATA_DIR: mmDir, DEMO_MARKET_MAKER: 'on' });
    const n = mmNode;
    const summary = async (symbol: string) =>
      (await ask(n, { address: `market/${symbol}`, type: 'summary', payload: {} })).body['reply'] as {
        bestBid: number | null;
        bestAsk: number | null;
        lastPrice: number | null;
      };
    const deadline = Date.now() + 20_000;
    let live = false;
    while (!live && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const all = await Promise.all(['BTC-USDT', 'ETH-USDT', 'QTRA-USDT'].map(summary));
      live =
        all.every((m) => m.bestBid !== null && m.bestAsk !== null) && all.some((m) => m.lastPrice !== null);
    }
    expect(live).toBe(true);

    // Market data over HTTP: the book, the tape, candles and the ticker follow the trading.
    const book = await call(n, '/marketdata/BTC-USDT/book?depth=5');
    expect(book.status).toBe(200);
    expect((book.body['bids'] as unknown[]).length).toBeGreaterThan(0);
    expect((book.body['asks'] as unknown[]).length).toBeGreaterThan(0);
    const tapes = await Promise.all(
      ['BTC-USDT', 'ETH-USDT', 'QTRA-USDT'].map((m) => call(n, `/marketdata/${m}/trades?limit=5`)),
    );
    const traded = tapes.findIndex((t) => t.body['text'] !== '[]');
    expect(traded).toBeGreaterThanOrEqual(0);
    const symbol = ['BTC-USDT', 'ETH-USDT', 'QTRA-USDT'][traded]!;
    const live1m = await call(n, `/marketdata/${symbol}/candles/1m`);
    expect(live1m.body['text']).toMatch(/"interval":"1m"/);
    expect((await call(n, `/marketdata/${symbol}/ticker`)).body).toMatchObject({ symbol });
    expect((await call(n, '/marketdata/BTC-USDT/candles/2m')).status).toBe(400);
    expect((await call(n, '/marketdata/BTC-USDT/trades?limit=0')).status).toBe(400);
    expect((await call(n, '/marketdata/DOGE-USDT/book')).status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 500)); // the recorder writes every 250 ms
    const recorded = await call(n, `/marketdata/${symbol}/candles/1m?from=1&limit=10`);
    expect(recorded.body['text']).toMatch(/"interval":"1m"/);

    const status = await call(n, '/admin/mm', { token: SRE_TOKEN });
    expect(status.body).toMatchObject({ text: expect.stringContaining('"running":true') });
    const reason = JSON.stringify({ reason: 'kill switch drill' });
    const denied = await call(n, '/admin/mm/stop', { body: reason, token: SRE_TOKEN });
    expect(denied).toMatchObject({ status: 403, body: { error: { code: 'ADMIN_UNAUTHORISED' } } });
    const badConfig = JSON.stringify({ reason: 'tighter', spreadBps: -1 });
    expect((await call(n, '/admin/mm/BTC-USDT/config', { body: badConfig, token: ADMIN_TOKEN })).status).toBe(
      400,
    );
    const stopped = await call(n, '/admin/mm/stop', { body: reason, token: ADMIN_TOKEN });
    expect(stopped.status).toBe(200);
    expect(stopped.body['text']).not.toContain('"running":true');
    // The makers' quotes are gone; only the noise trader's IOCs ever traded, and they never rest.
    for (const symbol of ['BTC-USDT', 'ETH-USDT', 'QTRA-USDT']) {
      expect(
        (await ask(n, { address: `market/${symbol}`, type: 'depth', payload: { levels: 5 } })).body,
      ).toEqual({
        reply: { bids: [], asks: [] },
      });
    }
  });

  it('node - killed after trading and started again on the same data: it catches up and trades on', async () => {
    await stopNode(mmNode!, 'SIGKILL');
    mmNode = await startNode({ ...env(), DATA_DIR: mmDir, DEMO_MARKET_MAKER: 'on' });
    const n = mmNode;
    const deadline = Date.now() + 20_000;
    let quoted = false;
    while (!quoted && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const depth = (await ask(n, { address: 'market/BTC-USDT', type: 'depth', payload: { levels: 1 } }))
        .body['reply'] as { bids: unknown[]; asks: unknown[] };
      quoted = depth.bids.length > 0 && depth.asks.length > 0;
    }
    expect(quoted).toBe(true);
    // Settlement caught up with what the first run left in the outboxes, in bounded messages.
    expect(n.output()).not.toContain('settlement round failed');
    expect(n.output()).not.toContain('MESSAGE_TOO_LARGE');
  });
});
