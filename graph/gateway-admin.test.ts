import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, TEST_SCRYPT_PARAMS, totpCode, totpStep } from './auth/index.ts';
import { codes, gql } from './testing/client.ts';
import { startTestGateway } from './testing/harness.ts';
import type { TestGateway } from './testing/harness.ts';

let t: TestGateway;
let skew = 0;

beforeAll(async () => {
  t = await startTestGateway(undefined, { auth: { now: () => Date.now() + skew } });
});

afterAll(async () => {
  await t.stop();
});

const PASSWORD = 'Admin-password-99';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const LOGIN = 'mutation ($i: LoginInput!) { login(input: $i) { accessToken user { account } } }';

async function loginToken(email: string, totp?: string): Promise<string> {
  const r = await gql(t.url, LOGIN, { i: { email, password: PASSWORD, ...(totp ? { totp } : {}) } });
  expect(r.errors).toBeUndefined();
  return (r.data!.login as { accessToken: string }).accessToken;
}

const HALT = 'mutation ($s: ID!, $r: String!) { haltMarket(symbol: $s, reason: $r) { symbol status } }';
const PLACE = 'mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { status } }';

describe('gateway admin', () => {
  it('a user and an admin without MFA are FORBIDDEN; an admin with MFA halts a market, audited', async () => {
    const user = await t.users.createUser({
      email: 'plain@example.com',
      passwordHash: await hashPassword(PASSWORD, TEST_SCRYPT_PARAMS),
    });
    await t.exchange.deposit(user.accountNumber, 'USDT', '100000');
    await t.users.createUser({
      email: 'root@example.com',
      passwordHash: await hashPassword(PASSWORD, TEST_SCRYPT_PARAMS),
      roles: ['admin'],
    });
    const userToken = await loginToken('plain@example.com');
    const adminNoMfa = await loginToken('root@example.com');
    for (const token of [userToken, adminNoMfa]) {
      expect(codes(await gql(t.url, HALT, { s: 'BTC-USDT', r: 'incident 42' }, bearer(token)))).toEqual([
        'FORBIDDEN',
      ]);
      expect(codes(await gql(t.url, '{ auditLog { edges { node { verb } } } }', {}, bearer(token)))).toEqual([
        'FORBIDDEN',
      ]);
      expect(codes(await gql(t.url, '{ users { edges { node { id } } } }', {}, bearer(token)))).toEqual([
        'FORBIDDEN',
      ]);
    }

    // MFA on, then a login with a code: the session carries mfa.
    const setup = await gql(t.url, 'mutation { enableTotp { secret } }', {}, bearer(adminNoMfa));
    const { secret } = setup.data!.enableTotp as { secret: string };
    const code = () => totpCode(secret, totpStep(Date.now() + skew));
    await gql(t.url, 'mutation ($c: String!) { verifyTotp(code: $c) }', { c: code() }, bearer(adminNoMfa));
    skew += 30_000;
    const admin = await loginToken('root@example.com', code());

    expect(codes(await gql(t.url, HALT, { s: 'BTC-USDT', r: '' }, bearer(admin)))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const halted = await gql(t.url, HALT, { s: 'BTC-USDT', r: 'incident 42' }, bearer(admin));
    expect(halted.errors).toBeUndefined();
    expect(halted.data).toEqual({ haltMarket: { symbol: 'BTC-USDT', status: 'HALTED' } });

    const order = {
      input: {
        clientOrderId: 'h-1',
        market: 'BTC-USDT',
        side: 'BUY',
        type: 'LIMIT',
        price: '60000',
        size: '0.1',
      },
    };
    const refused = await gql(t.url, PLACE, order, bearer(userToken));
    expect(refused.data).toEqual({ placeOrder: { status: 'REJECTED' } });

    const audit = await gql(
      t.url,
      '{ auditLog(target: "market/BTC-USDT") { edges { node { principal verb target reason outcome detail } } } }',
      {},
      bearer(admin),
    );
    const user0 = await t.users.findByEmail('root@example.com');
    expect((audit.data!.auditLog as { edges: { node: unknown }[] }).edges.map((e) => e.node)).toEqual([
      {
        principal: user0!.id,
        verb: 'send',
        target: 'market/BTC-USDT',
        reason: 'incident 42',
        outcome: 'accepted',
        detail: '{"message":"setStatus"}',
      },
    ]);

    const resumed = await gql(
      t.url,
      'mutation { resumeMarket(symbol: "BTC-USDT", reason: "incident 42 resolved") { status } }',
      {},
      bearer(admin),
    );
    expect(resumed.data).toEqual({ resumeMarket: { status: 'OPEN' } });
    expect(
      (await gql(t.url, PLACE, { input: { ...order.input, clientOrderId: 'h-2' } }, bearer(userToken))).data,
    ).toEqual({
      placeOrder: { status: 'NEW' },
    });

    // Freeze the user's account: its orders are refused until it is unfrozen.
    const FREEZE =
      'mutation ($a: ID!, $f: Boolean!) { freezeAccount(account: $a, frozen: $f, reason: "kyc review") }';
    expect(
      (await gql(t.url, FREEZE, { a: String(user.accountNumber), f: true }, bearer(admin))).data,
    ).toEqual({
      freezeAccount: true,
    });
    const frozen = await gql(
      t.url,
      PLACE,
      { input: { ...order.input, clientOrderId: 'h-3' } },
      bearer(userToken),
    );
    expect(codes(frozen)).toEqual(['ACCOUNT_FROZEN']);
    await gql(t.url, FREEZE, { a: String(user.accountNumber), f: false }, bearer(admin));

    const tree = await gql(t.url, '{ actorTree }', {}, bearer(admin));
    expect(JSON.parse(tree.data!.actorTree as string)).toMatchObject({ actors: expect.any(Array) });
    const detail = await gql(
      t.url,
      '{ actorDetail(address: "market/BTC-USDT", reason: "look") { address status mailboxDepth summary } }',
      {},
      bearer(admin),
    );
    expect(detail.data!.actorDetail).toMatchObject({
      address: 'market/BTC-USDT',
      status: expect.any(String),
    });
    const command = await gql(
      t.url,
      'mutation { actorCommand(input: { address: "market/BTC-USDT", verb: "snapshot", reason: "before deploy" }) { ok reply } }',
      {},
      bearer(admin),
    );
    expect(command.data).toMatchObject({ actorCommand: { ok: true } });
    const bad = await gql(
      t.url,
      'mutation { actorCommand(input: { address: "market/BTC-USDT", verb: "explode", reason: "why not" }) { ok } }',
      {},
      bearer(admin),
    );
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    const users = await gql(
      t.url,
      '{ users(first: 1) { edges { node { email roles } } pageInfo { hasNextPage endCursor } } }',
      {},
      bearer(admin),
    );
    expect(users.data!.users).toMatchObject({
      edges: [{ node: { email: 'plain@example.com', roles: ['USER'] } }],
      pageInfo: { hasNextPage: true },
    });
    const all = await gql(t.url, '{ auditLog { edges { node { verb target } } } }', {}, bearer(admin));
    expect((all.data!.auditLog as { edges: unknown[] }).edges.length).toBeGreaterThanOrEqual(6);
  });
});
