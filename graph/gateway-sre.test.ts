import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, TEST_SCRYPT_PARAMS, totpCode, totpStep } from './auth/index.ts';
import { toActorTree } from './resolvers/sre.ts';
import { codes, gql } from './testing/client.ts';
import { startTestGateway } from './testing/harness.ts';
import type { TestGateway } from './testing/harness.ts';

let t: TestGateway;
let skew = 0;
let sre: string;
let sreNoMfa: string;
let plain: string;
let plainAccount: number;
let sreId: string;

const PASSWORD = 'Sre-password-99';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const LOGIN = 'mutation ($i: LoginInput!) { login(input: $i) { accessToken } }';

async function loginToken(email: string, totp?: string): Promise<string> {
  const r = await gql(t.url, LOGIN, { i: { email, password: PASSWORD, ...(totp ? { totp } : {}) } });
  expect(r.errors).toBeUndefined();
  return (r.data!.login as { accessToken: string }).accessToken;
}

async function createUser(email: string, roles?: string[]) {
  return t.users.createUser({
    email,
    passwordHash: await hashPassword(PASSWORD, TEST_SCRYPT_PARAMS),
    ...(roles ? { roles } : {}),
  });
}

const ACTOR_FIELDS =
  'address kind status seq mailboxDepth msgsPerSec processed rejected restarts latency { count p50Us p99Us meanUs } lastError { at message }';
const TREE = `query ($s: String, $l: Int) { actorTreeView(search: $s, limit: $l) {
  node at matched truncated metricsUrl healthUrl
  hosts { host pid down deadLetters actorCount supervisors { name children restarts } actors { ${ACTOR_FIELDS} } }
} }`;
const SRE = `mutation ($i: SreCommandInput!) { sreCommand(input: $i) { ok verb target reply actor { ${ACTOR_FIELDS} } } }`;

interface Actor {
  address: string;
  kind: string;
  status: string;
  restarts: number;
  processed: number;
  mailboxDepth: number;
}
interface Tree {
  node: string;
  matched: number;
  truncated: boolean;
  metricsUrl: string;
  healthUrl: string;
  hosts: { host: string; actorCount: number; actors: Actor[] }[];
}

async function tree(token: string, search?: string, limit?: number): Promise<Tree> {
  const r = await gql(t.url, TREE, { s: search ?? null, l: limit ?? null }, bearer(token));
  expect(r.errors).toBeUndefined();
  return r.data!.actorTreeView as Tree;
}

const actorsOf = (tr: Tree): Actor[] => tr.hosts.flatMap((h) => h.actors);
const actorIn = (tr: Tree, address: string): Actor | undefined =>
  actorsOf(tr).find((a) => a.address === address);

beforeAll(async () => {
  t = await startTestGateway(undefined, { auth: { now: () => Date.now() + skew } });
  const user = await createUser('plain@example.com');
  plainAccount = user.accountNumber;
  await t.exchange.deposit(plainAccount, 'USDT', '1000');
  sreId = (await createUser('sre@example.com', ['sre'])).id;
  await createUser('sre2@example.com', ['sre']);
  plain = await loginToken('plain@example.com');
  sreNoMfa = await loginToken('sre2@example.com');

  // MFA on for the SRE, then a login with a code: the session carries mfa.
  const first = await loginToken('sre@example.com');
  const setup = await gql(t.url, 'mutation { enableTotp { secret } }', {}, bearer(first));
  const { secret } = setup.data!.enableTotp as { secret: string };
  const code = () => totpCode(secret, totpStep(Date.now() + skew));
  await gql(t.url, 'mutation ($c: String!) { verifyTotp(code: $c) }', { c: code() }, bearer(first));
  skew += 30_000;
  sre = await loginToken('sre@example.com', code());
});

afterAll(async () => {
  await t.stop();
});

describe('gateway SRE surface', () => {
  it('an SRE with MFA sees node -> host -> actor with counters and the metrics links', async () => {
    const tr = await tree(sre);
    expect(tr).toMatchObject({
      node: 'local',
      truncated: false,
      metricsUrl: '/metrics',
      healthUrl: '/healthz',
    });
    expect(tr.hosts).toHaveLength(1);
    expect(tr.hosts[0]!.actorCount).toBe(tr.matched);
    const market = actorIn(tr, 'market/BTC-USDT');
    expect(market).toMatchObject({ kind: 'market', status: 'RUNNING', mailboxDepth: 0 });
    expect(market!.processed).toBeGreaterThan(0);
    expect(actorIn(tr, `account/${plainAccount}`)).toMatchObject({ kind: 'account', status: 'RUNNING' });
    // Sorted by address within the host.
    const addresses = tr.hosts[0]!.actors.map((a) => a.address);
    expect(addresses).toEqual([...addresses].sort());
    // The raw JSON tree is open to SREs too.
    const raw = await gql(t.url, '{ actorTree }', {}, bearer(sre));
    expect(JSON.parse(raw.data!.actorTree as string)).toMatchObject({ actors: expect.any(Array) });
  });

  it('search filters by address or kind (case-insensitive); the limit cuts and says so', async () => {
    const btc = await tree(sre, 'btc-usdt');
    expect(actorsOf(btc).map((a) => a.address)).toEqual(['market/BTC-USDT']);
    expect(btc.matched).toBe(1);
    const accounts = await tree(sre, 'ACCOUNT');
    expect(actorsOf(accounts).length).toBeGreaterThan(0);
    expect(actorsOf(accounts).every((a) => a.kind === 'account')).toBe(true);
    expect(actorsOf(await tree(sre, 'no-such-actor'))).toEqual([]);
    const one = await tree(sre, 'market', 1);
    expect(actorsOf(one)).toHaveLength(1);
    expect(one.truncated).toBe(one.matched > 1);
    expect(codes(await gql(t.url, TREE, { l: 0 }, bearer(sre)))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(t.url, TREE, { s: 'x'.repeat(201) }, bearer(sre)))).toEqual(['BAD_USER_INPUT']);
  });

  it('a restart shows up in the restarts counter of the next tree read; audited with the reason', async () => {
    const before = actorIn(await tree(sre), 'market/BTC-USDT')!.restarts;
    const r = await gql(
      t.url,
      SRE,
      { i: { target: 'market/BTC-USDT', verb: 'RESTART', reason: 'stuck book, INC-7' } },
      bearer(sre),
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.sreCommand).toMatchObject({
      ok: true,
      verb: 'RESTART',
      target: 'market/BTC-USDT',
      actor: { address: 'market/BTC-USDT', status: 'RUNNING', restarts: before + 1 },
    });
    expect(actorIn(await tree(sre), 'market/BTC-USDT')!.restarts).toBe(before + 1);

    const audit = await t.exchange.system.auditTrail({ target: 'market/BTC-USDT' });
    expect(audit[0]).toMatchObject({
      principal: sreId,
      verb: 'restart',
      target: 'market/BTC-USDT',
      reason: 'stuck book, INC-7',
      outcome: 'accepted',
    });
  });

  it('pause then resume an actor; snapshot and inspect answer; each audited', async () => {
    const target = `account/${plainAccount}`;
    const send = (verb: string, reason = 'investigating INC-8') =>
      gql(t.url, SRE, { i: { target, verb, reason } }, bearer(sre));
    const paused = await send('PAUSE');
    expect(paused.data!.sreCommand).toMatchObject({ actor: { status: 'PAUSED' } });
    expect(actorIn(await tree(sre, target), target)!.status).toBe('PAUSED');
    const resumed = await send('RESUME', 'done investigating INC-8');
    expect(resumed.data!.sreCommand).toMatchObject({ actor: { status: 'RUNNING' } });
    expect(actorIn(await tree(sre, target), target)!.status).toBe('RUNNING');
    expect((await send('SNAPSHOT')).data!.sreCommand).toMatchObject({ ok: true, verb: 'SNAPSHOT' });
    const inspected = await send('INSPECT');
    expect(JSON.parse((inspected.data!.sreCommand as { reply: string }).reply)).toMatchObject({
      verb: 'inspect',
      detail: { address: target },
    });
    const detail = await gql(
      t.url,
      `{ actorDetail(address: "${target}", reason: "look") { address status } }`,
      {},
      bearer(sre),
    );
    expect(detail.data!.actorDetail).toEqual({ address: target, status: 'running' });

    const audit = await t.exchange.system.auditTrail({ target });
    expect(
      audit
        .filter((a) => a.principal === sreId)
        .map((a) => [a.verb, a.outcome])
        .reverse(),
    ).toEqual([
      ['pause', 'accepted'],
      ['resume', 'accepted'],
      ['snapshot', 'accepted'],
      ['inspect', 'accepted'],
      ['inspect', 'accepted'],
    ]);
  });

  it('a plain user and an SRE without MFA are FORBIDDEN; anonymous is UNAUTHENTICATED', async () => {
    const command = { i: { target: 'market/BTC-USDT', verb: 'RESTART', reason: 'not allowed' } };
    for (const token of [plain, sreNoMfa]) {
      expect(codes(await gql(t.url, TREE, {}, bearer(token)))).toEqual(['FORBIDDEN']);
      expect(codes(await gql(t.url, SRE, command, bearer(token)))).toEqual(['FORBIDDEN']);
      expect(codes(await gql(t.url, '{ actorTree }', {}, bearer(token)))).toEqual(['FORBIDDEN']);
      expect(
        codes(await gql(t.url, '{ actorDetail(address: "market/BTC-USDT") { status } }', {}, bearer(token))),
      ).toEqual(['FORBIDDEN']);
    }
    expect(codes(await gql(t.url, TREE))).toEqual(['UNAUTHENTICATED']);
  });

  it('an SRE cannot use admin-only verbs or admin fields: FORBIDDEN, the runtime audits the denial', async () => {
    const ACTOR_COMMAND = 'mutation ($i: AdminCommandInput!) { actorCommand(input: $i) { ok reply } }';
    const sendHalt = await gql(
      t.url,
      ACTOR_COMMAND,
      {
        i: {
          address: 'market/ETH-USDT',
          verb: 'send',
          reason: 'try a halt',
          messageType: 'setStatus',
          payload: '{"status":"HALTED"}',
        },
      },
      bearer(sre),
    );
    expect(codes(sendHalt)).toEqual(['FORBIDDEN']);
    expect(sendHalt.errors![0]!.extensions).toMatchObject({ reason: 'ADMIN_UNAUTHORISED' });
    const freeze = await gql(
      t.url,
      ACTOR_COMMAND,
      { i: { address: 'market/ETH-USDT', verb: 'freeze', reason: 'try a freeze' } },
      bearer(sre),
    );
    expect(codes(freeze)).toEqual(['FORBIDDEN']);
    const audit = await t.exchange.system.auditTrail({ target: 'market/ETH-USDT' });
    expect(audit.slice(0, 2).map((a) => [a.principal, a.verb, a.outcome])).toEqual([
      [sreId, 'freeze', 'denied'],
      [sreId, 'send', 'denied'],
    ]);
    // The SRE verbs work through actorCommand too.
    const snapshot = await gql(
      t.url,
      ACTOR_COMMAND,
      { i: { address: 'market/ETH-USDT', verb: 'snapshot', reason: 'before deploy' } },
      bearer(sre),
    );
    expect(snapshot.data).toMatchObject({ actorCommand: { ok: true } });
    // Admin-only fields stay admin-only.
    const halt = await gql(
      t.url,
      'mutation { haltMarket(symbol: "ETH-USDT", reason: "try a halt") { status } }',
      {},
      bearer(sre),
    );
    expect(codes(halt)).toEqual(['FORBIDDEN']);
    expect(codes(await gql(t.url, '{ auditLog { edges { node { verb } } } }', {}, bearer(sre)))).toEqual([
      'FORBIDDEN',
    ]);
    // A verb that is no SRE verb does not even validate.
    expect(
      codes(
        await gql(t.url, SRE, { i: { target: 'market/ETH-USDT', verb: 'SEND', reason: 'x' } }, bearer(sre)),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      codes(
        await gql(
          t.url,
          'mutation { sreCommand(input: { target: "market/ETH-USDT", verb: STOP, reason: "stop it" }) { ok } }',
          {},
          bearer(sre),
        ),
      ),
    ).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('bad targets and reasons are typed errors, and nothing unloaded gets loaded', async () => {
    const send = (target: string, verb: string, reason = 'checking INC-9') =>
      gql(t.url, SRE, { i: { target, verb, reason } }, bearer(sre));
    expect(codes(await send('account/999999', 'RESTART'))).toEqual(['NOT_FOUND']);
    expect(codes(await send('no-such-kind/1', 'PAUSE'))).toEqual(['NOT_FOUND']);
    expect(codes(await send('', 'PAUSE'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await send('no-such-kind/1', 'INSPECT'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await send('not an address', 'INSPECT'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await send('market/BTC-USDT', 'RESTART', ' x '))).toEqual(['BAD_USER_INPUT']);
    expect(actorIn(await tree(sre, 'account/999999'), 'account/999999')).toBeUndefined();
  });
});

describe('toActorTree', () => {
  it('takes a node tree with a down host, filters and limits across hosts', () => {
    const actor = (address: string, status = 'running') => ({
      address,
      kind: address.split('/')[0],
      status,
      seq: 12,
      mailboxDepth: 3,
      msgsPerSec: 1.5,
      processed: 10,
      rejected: 1,
      latency: { count: 10, p50Us: 40, p99Us: 900, meanUs: 60, buckets: [] },
      restarts: 2,
      lastError: status === 'failed' ? { at: 1_700_000_000_000, message: 'boom' } : null,
    });
    const raw = {
      node: 'node-1',
      hosts: [
        {
          host: 'shard-0',
          pid: 101,
          supervisors: [{ name: 'root', children: 2, restarts: 0, lastError: null }],
          actors: [actor('market/ETH-USDT'), actor('account/7', 'failed'), actor('market/BTC-USDT')],
          deadLetters: 4,
        },
        { host: 'shard-1', down: 'shard host shard-1 is unavailable' },
      ],
    };
    const all = toActorTree(raw, { at: 5 });
    expect(all).toMatchObject({ node: 'node-1', at: 5, matched: 3, truncated: false });
    expect(all.hosts[0]!.actors.map((a) => a.address)).toEqual([
      'account/7',
      'market/BTC-USDT',
      'market/ETH-USDT',
    ]);
    expect(all.hosts[0]!.actors[0]).toMatchObject({
      status: 'FAILED',
      seq: '12',
      lastError: { at: 1_700_000_000_000, message: 'boom' },
    });
    expect(all.hosts[1]).toEqual({
      host: 'shard-1',
      pid: null,
      down: 'shard host shard-1 is unavailable',
      deadLetters: 0,
      supervisors: [],
      actors: [],
      actorCount: 0,
    });
    const markets = toActorTree(raw, { search: 'MARKET', limit: 1 });
    expect(markets).toMatchObject({ matched: 2, truncated: true });
    expect(markets.hosts[0]!.actors.map((a) => a.address)).toEqual(['market/BTC-USDT']);
    expect(markets.hosts[0]!.actorCount).toBe(3);
  });
});
