import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { FanoutResult, ToClients } from './gateway-clients.ts';
import type { LoadJob, LoadResult } from './gateway-load.ts';
import { startBenchGateway } from './gateway-server.ts';
import type { BenchGateway } from './gateway-server.ts';

/**
 * The GraphQL gateway end to end (issue 7), over loopback, with the real gateway, auth (bearer
 * JWTs of registered users), exchange and market data in this process.
 *
 * placeOrder: USERS users registered through the `register` mutation and funded, then autocannon
 * (a child process, so the gateway keeps a core) with CONNECTIONS keep-alive connections, one
 * request in flight on each, every connection alternating a resting LIMIT sell from one user and a
 * crossing IOC buy from another on BTC-USDT, so every second order trades and settles. Each
 * request has its own clientOrderId; every response is checked (HTTP 200, no GraphQL errors, an
 * order status) and any error fails the bench. A warm-up, then PLACE_SECONDS measured: requests/s
 * and round-trip percentiles as the client sees them.
 *
 * Fan-out: SUBSCRIBERS real graphql-ws clients (a child process) subscribed to
 * `trades(symbol: "BTC-USDT")`; once every one has had a trade, TRADES_PER_S crossing pairs a
 * second through the OrderPath for FANOUT_SECONDS. Latency runs from the moment market data
 * publishes the trade on the bus to each client's receipt (both clocks are epoch ms with sub-ms
 * precision on one machine); p99 over every delivery, and every client must get every trade.
 */

const SYMBOL = 'BTC-USDT';
const PRICE = '65000';
const SIZE = '0.001';
const USERS = 200;
const CONNECTIONS = Number(process.env['GATEWAY_CONNECTIONS'] ?? 64);
const WARMUP_SECONDS = 3;
const PLACE_SECONDS = 10;
const SUBSCRIBERS = 2_000;
const TRADES_PER_S = Number(process.env['GATEWAY_TRADES_PER_S'] ?? 5);
const FANOUT_SECONDS = 10;

function log(message: string): void {
  console.error(message);
}

const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface User {
  readonly token: string;
  readonly account: number;
}

async function register(url: string, i: number): Promise<User> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($i: RegisterInput!) { register(input: $i) { accessToken user { account } } }',
      variables: { i: { email: `bench-${i}@example.com`, password: 'Bench-password-42' } },
    }),
  });
  const body = (await response.json()) as {
    data?: { register: { accessToken: string; user: { account: string } } };
    errors?: unknown[];
  };
  if (!body.data) throw new Error(`register failed: ${JSON.stringify(body.errors)}`);
  return { token: body.data.register.accessToken, account: Number(body.data.register.user.account) };
}

async function setUpUsers(g: BenchGateway): Promise<User[]> {
  const users: User[] = [];
  for (let i = 0; i < USERS; i += 10) {
    users.push(...(await Promise.all(Array.from({ length: 10 }, (_, j) => register(g.url, i + j)))));
  }
  await Promise.all(
    users.map(async ({ account }) => {
      await g.exchange.deposit(account, 'BTC', '100000');
      await g.exchange.deposit(account, 'USDT', '10000000000');
    }),
  );
  return users;
}

/** A child process running one of the bench's helpers, talking over IPC. */
function child(file: string) {
  const proc: ChildProcess = fork(new URL(file, import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<string, (message: Record<string, unknown>) => void>();
  let failure: Error | undefined;
  const failAll = (error: Error) => {
    failure ??= error;
    for (const resolve of waiting.values()) resolve({ type: 'error', message: error.message });
    waiting.clear();
  };
  proc.on('message', (message: Record<string, unknown>) => {
    if (message['type'] === 'error') return failAll(new Error(String(message['message'])));
    const resolve = waiting.get(String(message['type']));
    waiting.delete(String(message['type']));
    resolve?.(message);
  });
  proc.on('exit', (code) => failAll(new Error(`${file} exited (${code})`)));
  return {
    proc,
    /** Resolves with the next message of `type` (or rejects when the child fails). */
    async next<T extends Record<string, unknown>>(type: string): Promise<T> {
      if (failure) throw failure;
      const message = await new Promise<Record<string, unknown>>((resolve) => waiting.set(type, resolve));
      if (message['type'] === 'error') throw new Error(String(message['message']));
      return message as T;
    },
    send(message: unknown): void {
      proc.send(message as never);
    },
    async exited(): Promise<void> {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      await new Promise((resolve) => proc.once('exit', resolve));
    },
  };
}

async function measurePlace(g: BenchGateway, users: User[]): Promise<LoadResult> {
  const half = users.length / 2;
  const job: LoadJob = {
    url: g.url,
    sellers: users.slice(0, half).map((u) => u.token),
    buyers: users.slice(half).map((u) => u.token),
    market: SYMBOL,
    price: PRICE,
    size: SIZE,
    connections: CONNECTIONS,
    warmupSeconds: WARMUP_SECONDS,
    seconds: PLACE_SECONDS,
  };
  const load = child('./gateway-load.ts');
  const warm = load.next<{ result: LoadResult }>('warm');
  const measured = load.next<{ result: LoadResult }>('result');
  load.send(job);
  const w = (await warm).result;
  log(
    `gateway: place warm-up ${Math.round(w.requests / w.seconds)} req/s, p99 ${round(w.latenciesMs.p99)} ms, ` +
      `${w.errors} errors`,
  );
  const m = (await measured).result;
  await load.exited();
  const failures = w.errors + w.transportErrors + m.errors + m.transportErrors;
  log(
    `gateway: placeOrder ${Math.round(m.requests / m.seconds)} req/s over ${round(m.seconds)} s ` +
      `(${CONNECTIONS} connections), p50 ${round(m.latenciesMs.p50)} / p99 ${round(m.latenciesMs.p99)} / ` +
      `max ${round(m.latenciesMs.max)} ms, statuses ${JSON.stringify(m.statuses)}, ${failures} errors`,
  );
  if (failures > 0)
    throw new Error(
      `placeOrder: ${failures} failed responses, e.g. ${[...w.errorSamples, ...m.errorSamples]}`,
    );
  return m;
}

/** One crossing pair: a resting sell, then an IOC buy that takes it (one trade). */
async function trade(g: BenchGateway, seller: number, buyer: number, n: number): Promise<void> {
  const base = { market: SYMBOL, price: PRICE, size: SIZE };
  const sell = await g.exchange.path.placeOrder(seller, {
    ...base,
    clientOrderId: `f-s-${n}`,
    side: 'SELL',
    type: 'LIMIT',
  });
  const buy = await g.exchange.path.placeOrder(buyer, {
    ...base,
    clientOrderId: `f-b-${n}`,
    side: 'BUY',
    type: 'IOC',
  });
  if (!sell.ok || !buy.ok) throw new Error(`fan-out trade refused: ${JSON.stringify([sell, buy])}`);
}

async function measureFanout(g: BenchGateway, users: User[]): Promise<FanoutResult> {
  const seller = users[0]!.account;
  const buyer = users[users.length - 1]!.account;
  let n = 0;
  const clients = child('./gateway-clients.ts');
  const send = (message: ToClients) => clients.send(message);
  try {
    const t0 = performance.now();
    send({ type: 'connect', url: g.wsUrl, count: SUBSCRIBERS, symbol: SYMBOL });
    await clients.next('connected');
    log(`gateway: ${SUBSCRIBERS} graphql-ws clients connected in ${Math.round(performance.now() - t0)} ms`);

    // Subscriptions start on the server after the ack: trade until every client has had one.
    const primed = clients.next('primed');
    let isPrimed = false;
    void primed.then(() => (isPrimed = true)).catch(() => undefined);
    const deadline = Date.now() + 30_000;
    while (!isPrimed) {
      if (Date.now() > deadline) throw new Error('fan-out: not every client got a trade within 30 s');
      await trade(g, seller, buyer, ++n);
      await sleep(200);
    }
    await primed;
    await g.settle();
    await sleep(500);
    const before = new Set(g.bus.published.keys());

    log(`gateway: fan-out, ${TRADES_PER_S} trades/s for ${FANOUT_SECONDS} s to ${SUBSCRIBERS} subscribers`);
    const interval = 1000 / TRADES_PER_S;
    const start = performance.now();
    const total = TRADES_PER_S * FANOUT_SECONDS;
    for (let i = 0; i < total; i++) {
      const due = start + i * interval - performance.now();
      if (due > 0) await sleep(due);
      await trade(g, seller, buyer, ++n);
    }
    await g.settle();
    const published = [...g.bus.published].filter(([seq]) => !before.has(seq));
    if (published.length !== total)
      throw new Error(`fan-out: ${published.length} trades published, not ${total}`);
    const result = clients.next<{ result: FanoutResult }>('result');
    send({ type: 'finish', published, waitMs: 10_000 });
    return (await result).result;
  } finally {
    const closed = clients.next('closed').catch(() => undefined);
    if (clients.proc.connected) send({ type: 'close' });
    await Promise.race([closed, sleep(10_000)]);
    if (clients.proc.exitCode === null) clients.proc.kill();
    await clients.exited();
  }
}

export async function run(): Promise<Record<string, unknown>> {
  log('gateway: starting the exchange and the gateway');
  const g = await startBenchGateway(SYMBOL);
  try {
    const users = await setUpUsers(g);
    log(`gateway: ${users.length} users registered and funded; ${g.url}`);
    const place = await measurePlace(g, users);
    await g.settle();
    const fanout = await measureFanout(g, users);
    log(
      `gateway: fan-out ${fanout.deliveries} deliveries of ${fanout.trades} trades, p50 ` +
        `${round(fanout.latencyMs.p50)} / p99 ${round(fanout.latencyMs.p99)} / max ` +
        `${round(fanout.latencyMs.max)} ms from publish (p99 ${round(fanout.fromFillMs.p99)} ms from the ` +
        `fill's time), missed ${fanout.missed}, failed clients ${fanout.failedClients}`,
    );
    if (fanout.errorSamples.length) log(`gateway: fan-out errors: ${fanout.errorSamples.join(' | ')}`);
    return {
      place_connections: CONNECTIONS,
      place_requests: place.requests,
      place_p50_ms: round(place.latenciesMs.p50),
      place_errors: place.errors,
      fanout_trades: fanout.trades,
      fanout_trades_per_s: TRADES_PER_S,
      fanout_deliveries: fanout.deliveries,
      fanout_missed: fanout.missed,
      fanout_failed_clients: fanout.failedClients,
      fanout_p50_ms: round(fanout.latencyMs.p50),
      fanout_max_ms: round(fanout.latencyMs.max),
      fanout_from_fill_p99_ms: round(fanout.fromFillMs.p99),
      name: 'gateway',
      place_per_s: Math.round(place.requests / place.seconds),
      place_p99_ms: round(place.latenciesMs.p99),
      fanout_subscribers: fanout.subscribers,
      fanout_p99_ms: round(fanout.latencyMs.p99),
    };
  } finally {
    await g.stop();
  }
}
