import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signApiRequest, totpCode, totpStep } from './auth/index.ts';
import { codes, gql } from './testing/client.ts';
import type { GraphResult } from './testing/client.ts';
import { startTestGateway } from './testing/harness.ts';
import type { TestGateway } from './testing/harness.ts';
import { collect, wsClient } from './testing/ws-client.ts';

let t: TestGateway;
/** The auth service's clock runs `skew` ms ahead of the wall clock (expiry, TOTP steps). */
let skew = 0;
const clients: ReturnType<typeof wsClient>[] = [];

beforeAll(async () => {
  t = await startTestGateway(undefined, {
    ledger: true,
    auth: { now: () => Date.now() + skew, accessTtlSeconds: 60 },
  });
});

afterAll(async () => {
  for (const c of clients) await c.client.dispose();
  await t.stop();
});

const AUTH = 'accessToken refreshToken expiresAt user { id account roles mfaEnabled email }';
const PASSWORD = 'Correct-horse-42';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: string; account: string };
}

async function register(email: string): Promise<Session> {
  const r = await gql(t.url, `mutation ($i: RegisterInput!) { register(input: $i) { ${AUTH} } }`, {
    i: { email, password: PASSWORD },
  });
  expect(r.errors).toBeUndefined();
  return r.data!.register as Session;
}

function login(email: string, password = PASSWORD, totp?: string): Promise<GraphResult> {
  return gql(t.url, `mutation ($i: LoginInput!) { login(input: $i) { ${AUTH} } }`, {
    i: { email, password, ...(totp ? { totp } : {}) },
  });
}

const PLACE = 'mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id status } }';
const order = (clientOrderId: string, side: string, type = 'LIMIT', size = '0.5') => ({
  input: { clientOrderId, market: 'BTC-USDT', side, type, price: '65000', size },
});

const codeNow = (secret: string, offsetSteps = 0) =>
  totpCode(secret, totpStep(Date.now() + skew) + offsetSteps);

describe('gateway auth - the key scenario', () => {
  it('a graphql-ws client logs in over HTTP, subscribes to myFills and orderBook, and gets the fill and the delta', async () => {
    const maker = await register('maker@example.com');
    const taker = await register('taker@example.com');
    await t.exchange.deposit(Number(maker.user.account), 'BTC', '1');
    await t.exchange.deposit(Number(taker.user.account), 'USDT', '100000');
    const logged = await login('taker@example.com');
    expect(logged.errors).toBeUndefined();
    const { accessToken } = logged.data!.login as Session;

    const ws = wsClient(t.wsUrl, { token: accessToken });
    clients.push(ws);
    const fills = collect(
      ws.client,
      'subscription { myFills { id orderId market side price size liquidity } }',
    );
    const orders = collect(ws.client, 'subscription { myOrders { clientOrderId status } }');
    const balances = collect(ws.client, 'subscription { myBalances { asset available locked } }');
    const book = collect(
      ws.client,
      'subscription { orderBook(symbol: "BTC-USDT") { type seq prevSeq asks { price size } } }',
    );
    await book.until(1);
    await balances.until(1);
    await new Promise((r) => setTimeout(r, 50));

    expect((await gql(t.url, PLACE, order('k-s1', 'SELL'), bearer(maker.accessToken))).data).toMatchObject({
      placeOrder: { status: 'NEW' },
    });
    const buy = await gql(t.url, PLACE, order('k-b1', 'BUY', 'IOC', '0.2'), bearer(accessToken));
    expect(buy.data).toMatchObject({ placeOrder: { status: 'FILLED' } });
    await t.settle();

    const [fill] = await fills.until(1);
    expect(fill!.data!.myFills).toMatchObject({
      orderId: (buy.data!.placeOrder as { id: string }).id,
      market: 'BTC-USDT',
      side: 'BUY',
      price: '65000',
      size: '0.2',
      liquidity: 'TAKER',
    });
    const deltas = (await book.until(3)).map((r) => r.data!.orderBook as { type: string; asks: unknown[] });
    expect(deltas[0]!.type).toBe('SNAPSHOT');
    expect(deltas.at(-1)).toMatchObject({ type: 'DELTA', asks: [{ price: '65000', size: '0.3' }] });
    expect((await orders.until(1)).map((r) => r.data!.myOrders)).toContainEqual({
      clientOrderId: 'k-b1',
      status: 'FILLED',
    });
    const seen = (await balances.until(2)).map(
      (r) => r.data!.myBalances as { asset: string; available: string }[],
    );
    expect(seen.at(-1)!.find((b) => b.asset === 'BTC')!.available).toBe('0.1995');
    // Only the taker's own fill: the maker's side never reached this socket.
    await new Promise((r) => setTimeout(r, 100));
    expect(fills.results).toHaveLength(1);

    // The ledger shows the settled fill and the postings, each account only its own.
    const settled = await gql(
      t.url,
      '{ fills { edges { node { id market side liquidity paid { asset amount } received { asset amount } } } } ledgerEntries(first: 3) { edges { node { kind asset amount bucket } } } }',
      {},
      bearer(accessToken),
    );
    expect(settled.errors).toBeUndefined();
    const fillNodes = (settled.data!.fills as { edges: { node: unknown }[] }).edges.map((e) => e.node);
    expect(fillNodes).toEqual([
      {
        id: expect.stringMatching(/^fill:BTC-USDT:\d+:taker$/),
        market: 'BTC-USDT',
        side: 'BUY',
        liquidity: 'TAKER',
        paid: { asset: 'USDT', amount: '13000' },
        received: { asset: 'BTC', amount: '0.1995' },
      },
    ]);
    const makerFills = await gql(
      t.url,
      '{ fills { edges { node { side liquidity } } } }',
      {},
      bearer(maker.accessToken),
    );
    expect((makerFills.data!.fills as { edges: { node: unknown }[] }).edges.map((e) => e.node)).toEqual([
      { side: 'SELL', liquidity: 'MAKER' },
    ]);
  });
});

describe('gateway auth - every path, and its refusals', () => {
  it('register - policy and duplicates; login - a bad password and an unknown email look the same', async () => {
    const weak = await gql(
      t.url,
      'mutation { register(input: { email: "w@example.com", password: "short" }) { accessToken } }',
    );
    expect(codes(weak)).toEqual(['WEAK_PASSWORD']);
    await register('dup@example.com');
    const again = await gql(
      t.url,
      `mutation { register(input: { email: "DUP@example.com", password: "${PASSWORD}" }) { accessToken } }`,
    );
    expect(codes(again)).toEqual(['EMAIL_TAKEN']);
    expect(codes(await login('dup@example.com', 'Wrong-password-1'))).toEqual(['INVALID_CREDENTIALS']);
    expect(codes(await login('nobody@example.com'))).toEqual(['INVALID_CREDENTIALS']);
    expect(codes(await gql(t.url, '{ me { id } }', {}, bearer('not.a.jwt')))).toEqual(['UNAUTHENTICATED']);
  });

  it('TOTP - enrol, verify, then login needs a code: wrong and reused codes are refused', async () => {
    const s = await register('mfa@example.com');
    const setup = await gql(t.url, 'mutation { enableTotp { secret uri } }', {}, bearer(s.accessToken));
    const { secret, uri } = setup.data!.enableTotp as { secret: string; uri: string };
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    // Not on until verified: a login without a code still works.
    expect((await login('mfa@example.com')).errors).toBeUndefined();
    const verify = await gql(
      t.url,
      'mutation ($c: String!) { verifyTotp(code: $c) }',
      { c: codeNow(secret) },
      bearer(s.accessToken),
    );
    expect(verify.data).toEqual({ verifyTotp: true });

    expect(codes(await login('mfa@example.com'))).toEqual(['MFA_REQUIRED']);
    const wrong = codeNow(secret) === '000000' ? '111111' : '000000';
    expect(codes(await login('mfa@example.com', PASSWORD, wrong))).toEqual(['MFA_INVALID']);
    // The code of the step verifyTotp used is spent; the next step's code works once.
    expect(codes(await login('mfa@example.com', PASSWORD, codeNow(secret)))).toEqual(['MFA_REPLAYED']);
    skew += 30_000;
    const ok = await login('mfa@example.com', PASSWORD, codeNow(secret));
    expect(ok.errors).toBeUndefined();
    expect((ok.data!.login as { user: { mfaEnabled: boolean } }).user.mfaEnabled).toBe(true);
    expect(codes(await login('mfa@example.com', PASSWORD, codeNow(secret)))).toEqual(['MFA_REPLAYED']);
    // Disabling needs a current, unused code.
    const token = (ok.data!.login as Session).accessToken;
    expect(codes(await gql(t.url, 'mutation { disableTotp(code: "123") }', {}, bearer(token)))).toEqual([
      'MFA_INVALID',
    ]);
    skew += 30_000;
    expect(
      (
        await gql(
          t.url,
          'mutation ($c: String!) { disableTotp(code: $c) }',
          { c: codeNow(secret) },
          bearer(token),
        )
      ).data,
    ).toEqual({
      disableTotp: true,
    });
    expect((await login('mfa@example.com')).errors).toBeUndefined();
  });

  it('refresh rotates; a reused refresh token revokes the session; logout ends the access token too', async () => {
    const s = await register('refresh@example.com');
    const REFRESH = `mutation ($r: String!) { refresh(refreshToken: $r) { ${AUTH} } }`;
    const next = await gql(t.url, REFRESH, { r: s.refreshToken });
    expect(next.errors).toBeUndefined();
    const rotated = next.data!.refresh as Session;
    expect(codes(await gql(t.url, REFRESH, { r: s.refreshToken }))).toEqual(['SESSION_REVOKED']);
    // Reuse revoked the whole session: the new pair is dead too.
    expect(codes(await gql(t.url, REFRESH, { r: rotated.refreshToken }))).toEqual(['SESSION_REVOKED']);
    expect(codes(await gql(t.url, '{ me { id } }', {}, bearer(rotated.accessToken)))).toEqual([
      'UNAUTHENTICATED',
    ]);

    const fresh = (await login('refresh@example.com')).data!.login as Session;
    expect((await gql(t.url, '{ me { email } }', {}, bearer(fresh.accessToken))).data).toEqual({
      me: { email: 'refresh@example.com' },
    });
    expect((await gql(t.url, 'mutation { logout }', {}, bearer(fresh.accessToken))).data).toEqual({
      logout: true,
    });
    expect(codes(await gql(t.url, '{ me { id } }', {}, bearer(fresh.accessToken)))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('an expired access token is refused over HTTP and in connection_init (4403)', async () => {
    const s = await register('expiry@example.com');
    expect((await gql(t.url, '{ me { id } }', {}, bearer(s.accessToken))).errors).toBeUndefined();
    skew += 120_000;
    const expired = await gql(t.url, '{ me { id } }', {}, bearer(s.accessToken));
    expect(expired.status).toBe(401);
    expect(codes(expired)).toEqual(['UNAUTHENTICATED']);
    expect(expired.errors![0]!.message).toMatch(/TOKEN_EXPIRED/);
    const ws = wsClient(t.wsUrl, { token: s.accessToken });
    clients.push(ws);
    collect(ws.client, 'subscription { myFills { id } }');
    for (let i = 0; i < 100 && ws.closed.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(ws.closed).toEqual([4403]);
  });

  it('password reset - same answer for unknown emails; the token works once and logs every session out', async () => {
    const s = await register('reset@example.com');
    const REQUEST = 'mutation ($e: String!) { requestPasswordReset(email: $e) }';
    expect((await gql(t.url, REQUEST, { e: 'ghost@example.com' })).data).toEqual({
      requestPasswordReset: true,
    });
    expect((await gql(t.url, REQUEST, { e: 'reset@example.com' })).data).toEqual({
      requestPasswordReset: true,
    });
    await new Promise((r) => setTimeout(r, 20));
    expect([...t.resetTokens.keys()]).toEqual(['reset@example.com']);
    const token = t.resetTokens.get('reset@example.com')!;
    const RESET = 'mutation ($t: String!, $p: String!) { resetPassword(token: $t, password: $p) }';
    expect((await gql(t.url, RESET, { t: token, p: 'New-password-77' })).data).toEqual({
      resetPassword: true,
    });
    expect(codes(await gql(t.url, RESET, { t: token, p: 'Other-password-77' }))).toEqual(['TOKEN_INVALID']);
    expect(codes(await gql(t.url, '{ me { id } }', {}, bearer(s.accessToken)))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await login('reset@example.com'))).toEqual(['INVALID_CREDENTIALS']);
    expect((await login('reset@example.com', 'New-password-77')).errors).toBeUndefined();
  });

  it('API keys - signed requests, the scope, rotation and revocation; the secret is never listed', async () => {
    const s = await register('keys@example.com');
    await t.exchange.deposit(Number(s.user.account), 'USDT', '1000');
    const CREATE =
      'mutation ($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret apiKey { id key label scopes } } }';
    const created = await gql(
      t.url,
      CREATE,
      { i: { label: 'bot', scopes: ['READ'] } },
      bearer(s.accessToken),
    );
    expect(created.errors).toBeUndefined();
    const { secret, apiKey } = created.data!.createApiKey as { secret: string; apiKey: { id: string } };

    const signed = async (query: string, keySecret = secret, variables: Record<string, unknown> = {}) => {
      const body = JSON.stringify({ query, variables });
      const timestamp = String(Date.now() + skew);
      const signature = signApiRequest(keySecret, { timestamp, method: 'POST', path: '/graphql', body });
      const response = await fetch(t.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-api-key': apiKey.id,
          'x-api-timestamp': timestamp,
          'x-api-signature': signature,
        },
        body,
      });
      return { status: response.status, ...((await response.json()) as Omit<GraphResult, 'status'>) };
    };
    expect((await signed('{ balances { asset available } }')).data).toEqual({
      balances: [{ asset: 'USDT', available: '1000' }],
    });
    // Wrong scope: a read key cannot trade.
    expect(codes(await signed(PLACE.replace('$input', '$input'), secret, order('key-1', 'BUY')))).toEqual([
      'FORBIDDEN',
    ]);
    // A key cannot mint keys.
    expect(
      codes(await signed('mutation { createApiKey(input: { label: "x", scopes: [TRADE] }) { secret } }')),
    ).toEqual(['FORBIDDEN']);
    // The list never carries a secret (the schema has no field for it) and shows the key.
    const listed = await gql(t.url, '{ apiKeys { id label scopes revokedAt } }', {}, bearer(s.accessToken));
    expect(listed.data).toEqual({
      apiKeys: [{ id: apiKey.id, label: 'bot', scopes: ['READ'], revokedAt: null }],
    });
    expect(JSON.stringify(listed)).not.toContain(secret);

    const rotated = await gql(
      t.url,
      'mutation ($id: ID!) { rotateApiKey(id: $id) { secret } }',
      { id: apiKey.id },
      bearer(s.accessToken),
    );
    const newSecret = (rotated.data!.rotateApiKey as { secret: string }).secret;
    expect(codes(await signed('{ balances { asset } }'))).toEqual(['UNAUTHENTICATED']);
    expect((await signed('{ balances { asset } }', newSecret)).errors).toBeUndefined();

    // Over graphql-ws: connection_init { apiKey, timestamp, signature } over timestamp + GET + /graphql.
    const timestamp = String(Date.now() + skew);
    const ws = wsClient(t.wsUrl, {
      apiKey: apiKey.id,
      timestamp,
      signature: signApiRequest(newSecret, { timestamp, method: 'GET', path: '/graphql', body: '' }),
    });
    clients.push(ws);
    const balances = collect(ws.client, 'subscription { myBalances { asset available } }');
    expect((await balances.until(1))[0]!.data).toEqual({
      myBalances: [{ asset: 'USDT', available: '1000' }],
    });

    const revoked = await gql(
      t.url,
      'mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }',
      { id: apiKey.id },
      bearer(s.accessToken),
    );
    expect((revoked.data!.revokeApiKey as { revokedAt: string | null }).revokedAt).not.toBeNull();
    const afterRevoke = await signed('{ balances { asset } }', newSecret);
    expect(afterRevoke.status).toBe(401);
    expect(afterRevoke.errors![0]!.message).toMatch(/API_KEY_REVOKED/);
  });

  it("another user's data is never visible: orders, fills, balances, API keys, and their streams", async () => {
    const a = await register('alice@example.com');
    const b = await register('bob@example.com');
    await t.exchange.deposit(Number(a.user.account), 'BTC', '1');
    await gql(
      t.url,
      'mutation { createApiKey(input: { label: "alice-key", scopes: [READ] }) { secret } }',
      {},
      bearer(a.accessToken),
    );
    const placed = await gql(t.url, PLACE, order('alice-1', 'SELL'), bearer(a.accessToken));
    const aliceOrder = (placed.data!.placeOrder as { id: string }).id;
    await t.settle();

    const ws = wsClient(t.wsUrl, { token: b.accessToken });
    clients.push(ws);
    const bobOrders = collect(ws.client, 'subscription { myOrders { id } }');
    const bobBalances = collect(ws.client, 'subscription { myBalances { asset } }');
    await bobBalances.until(1);
    await gql(
      t.url,
      'mutation ($id: ID!) { cancelOrder(id: $id) { status } }',
      { id: aliceOrder },
      bearer(a.accessToken),
    );
    await t.settle();

    const view = await gql(
      t.url,
      `{ balances { asset } orders { edges { node { id } } } order(id: "${aliceOrder}") { id } apiKeys { id } fills { edges { node { id } } } ledgerEntries { edges { node { id } } } }`,
      {},
      bearer(b.accessToken),
    );
    expect(view.errors).toBeUndefined();
    expect(view.data).toEqual({
      balances: [],
      orders: { edges: [] },
      order: null,
      apiKeys: [],
      fills: { edges: [] },
      ledgerEntries: { edges: [] },
    });
    // Cancelling someone else's order is refused (it is not in the caller's account).
    const cancel = await gql(
      t.url,
      'mutation ($id: ID!) { cancelOrder(id: $id) { status } }',
      { id: aliceOrder },
      bearer(b.accessToken),
    );
    expect(cancel.errors).toBeDefined();
    await new Promise((r) => setTimeout(r, 100));
    expect(bobOrders.results).toEqual([]);
    expect(bobBalances.results).toEqual([{ data: { myBalances: [] } }]);
  });

  it('rate limits - login per IP answers RATE_LIMITED with retry-after', async () => {
    const limited = await startTestGateway(undefined, {
      auth: {
        authLimiter: new (await import('./auth/index.ts')).MemoryRateLimiter({ limit: 2, windowMs: 60_000 }),
        orderLimiter: new (await import('./auth/index.ts')).MemoryRateLimiter({ limit: 1, windowMs: 60_000 }),
      },
    });
    try {
      const q =
        'mutation { login(input: { email: "x@example.com", password: "Whatever-123" }) { accessToken } }';
      expect(codes(await gql(limited.url, q))).toEqual(['INVALID_CREDENTIALS']);
      expect(codes(await gql(limited.url, q))).toEqual(['INVALID_CREDENTIALS']);
      const third = await gql(limited.url, q);
      expect(codes(third)).toEqual(['RATE_LIMITED']);
      const ext = third.errors![0]!.extensions as Record<string, unknown>;
      expect(ext.retryAfter).toBeGreaterThan(0);
      expect(ext.retryAfterMs).toBeGreaterThan(0);
      const token = (await limited.auth.register('rl@example.com', PASSWORD, '10.0.0.9')).accessToken;
      await limited.exchange.deposit(
        (await limited.users.findByEmail('rl@example.com'))!.accountNumber,
        'USDT',
        '100000',
      );
      const first = await gql(limited.url, PLACE, order('rl-1', 'BUY'), bearer(token));
      expect(first.errors).toBeUndefined();
      expect(codes(await gql(limited.url, PLACE, order('rl-2', 'BUY'), bearer(token)))).toEqual([
        'RATE_LIMITED',
      ]);
    } finally {
      await limited.stop();
    }
  });
});
