import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { ActorError, isAdminVerb, UnknownAdminVerbError } from './runtime/index.ts';
import type { Principal, ShardHosts } from './runtime/index.ts';
import type { OrderPath } from './account/index.ts';
import type { Gateway } from '../graph/index.ts';
import { z } from 'zod';
import type { DemoMarketMaking, PmmConfig } from './mm/index.ts';
import { INTERVALS, MAX_QUERY_LIMIT } from './marketdata/index.ts';
import type { Interval, MarketData, MarketDataRecorder } from './marketdata/index.ts';
import { InvalidPmmConfigError } from './mm/index.ts';
import type { AuditLog } from './store/index.ts';
import { serveWebApp } from './web-app.ts';

/**
 * The node's HTTP surface at the foundation stage: health, Prometheus metrics, the actor tree and
 * admin verbs for SREs and admins (bearer tokens), and in development a raw `ask` for poking the
 * example actors. The GraphQL gateway joins this port in a later stage.
 */

export interface HttpOptions {
  readonly hosts: ShardHosts;
  /** Place/cancel through the accounts (development routes until the gateway serves them). */
  readonly orders: OrderPath;
  /** The demo market makers, when the node runs them (admin controls below). */
  readonly marketMaking?: DemoMarketMaking;
  /** Where the node's own admin actions are recorded (the shard hosts record theirs). */
  readonly audit: AuditLog;
  /** Live market data per market, and the recorded history (read-only routes below). */
  readonly marketData: ReadonlyMap<string, MarketData>;
  readonly recorder: MarketDataRecorder;
  /** The GraphQL gateway: `/graphql` over HTTP here, graphql-ws on the same port (attached by the node). */
  readonly gateway: Pick<Gateway, 'handle'>;
  /** The node process's own metrics (process, event loop). */
  readonly registry: Registry;
  readonly tokens: readonly { readonly token: string; readonly principal: Principal }[];
  readonly development: boolean;
  /** Serve the web app (web/build) on every other GET. */
  readonly webApp?: boolean;
  readonly maxBodyBytes: number;
  readonly logger: Logger;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const STATUS_OF_CODE: Record<string, number> = {
  UNKNOWN_MESSAGE: 400,
  MALFORMED_MESSAGE: 400,
  INVALID_ADDRESS: 400,
  UNKNOWN_ACTOR_KIND: 404,
  UNKNOWN_ADMIN_VERB: 404,
  MESSAGE_TOO_LARGE: 413,
  ADMIN_UNAUTHORISED: 403,
  INTERNAL_ONLY: 403,
  ACTOR_FROZEN: 423,
  MAILBOX_FULL: 503,
  HOST_UNAVAILABLE: 503,
  ASK_TIMEOUT: 504,
};

/** A positive integer query parameter no larger than `max`, or `fallback` when absent. */
function intParam(url: URL, name: string, fallback: number, max: number): number {
  const text = url.searchParams.get(name);
  if (text === null) return fallback;
  const value = Number(text);
  if (!/^\d{1,16}$/.test(text) || !Number.isSafeInteger(value) || value < 1 || value > max) {
    throw new HttpError(400, 'INVALID_PARAMETER', `${name} must be an integer from 1 to ${max}`);
  }
  return value;
}

/**
 * Public market data until the gateway serves it: `/marketdata/<symbol>/book?depth=`,
 * `/trades?limit=` (live tape), `/ticker`, `/candles/<interval>?limit=&from=&to=` (recorded
 * history when `from` is given, else the live candles). Prices in ticks, sizes in lots.
 */
async function marketDataRoute(o: HttpOptions, res: ServerResponse, url: URL): Promise<void> {
  const match =
    /^\/marketdata\/([A-Z0-9]{1,12}-[A-Z0-9]{1,12})\/(book|trades|ticker|candles\/([0-9a-z]{2,3}))$/.exec(
      url.pathname,
    );
  const md = match ? o.marketData.get(match[1]!) : undefined;
  if (!match || !md) throw new HttpError(404, 'UNKNOWN_MARKET', `no market data at ${url.pathname}`);
  const what = match[2]!;
  if (what === 'book') return send(res, 200, md.snapshot(intParam(url, 'depth', 20, 1_000)));
  if (what === 'trades') return send(res, 200, md.recentTrades(intParam(url, 'limit', 100, 1_000)));
  if (what === 'ticker') return send(res, 200, md.tickerAt(Date.now()));
  const interval = match[3] as Interval;
  if (!(INTERVALS as readonly string[]).includes(interval)) {
    throw new HttpError(400, 'INVALID_INTERVAL', `interval must be one of ${INTERVALS.join(', ')}`);
  }
  const limit = intParam(url, 'limit', 200, MAX_QUERY_LIMIT);
  if (!url.searchParams.has('from')) return send(res, 200, md.recentCandles(interval, limit));
  const from = intParam(url, 'from', 0, Number.MAX_SAFE_INTEGER);
  const to = intParam(url, 'to', Date.now(), Number.MAX_SAFE_INTEGER);
  return send(res, 200, await o.recorder.candles(md.symbol, interval, { from, to, limit }));
}

const pmmNumber = z.number().finite();
/** The PMM settings an admin may change (validated again as a whole by the maker). */
const pmmChange = z
  .object({
    spreadBps: pmmNumber,
    levels: pmmNumber,
    levelSpacingBps: pmmNumber,
    orderSize: pmmNumber,
    minOrderSize: pmmNumber,
    targetInventory: pmmNumber,
    minInventory: pmmNumber,
    maxInventory: pmmNumber,
    inventorySkew: pmmNumber,
  })
  .partial()
  .strict();

/**
 * Market-maker controls: `GET /admin/mm` (SRE or admin) lists the makers; admins `POST
 * /admin/mm/stop` (the kill switch: stop quoting, cancel every quote), `/admin/mm/start`, and
 * `/admin/mm/<symbol>/config` with new PMM settings. Each POST needs a reason and is audited.
 */
async function marketMakerRoute(o: HttpOptions, req: IncomingMessage, res: ServerResponse, path: string) {
  const principal = authenticate(o, req);
  const mm = o.marketMaking;
  if (!mm)
    throw new HttpError(404, 'NO_MARKET_MAKER', 'this node runs no market maker (DEMO_MARKET_MAKER=off)');
  if (req.method === 'GET' && path === '/admin/mm')
    return send(
      res,
      200,
      mm.makers.map((m) => m.status),
    );
  const action = /^\/admin\/mm\/(?:(stop|start)|([A-Z0-9]{1,12}-[A-Z0-9]{1,12})\/config)$/.exec(path);
  if (req.method !== 'POST' || !action)
    throw new HttpError(404, 'NOT_FOUND', `no route for ${req.method} ${path}`);
  const body = await readJson(req, o.maxBodyBytes);
  const { reason, ...change } = (typeof body === 'object' && body !== null ? body : {}) as Record<
    string,
    unknown
  >;
  if (typeof reason !== 'string' || reason.trim().length < 3 || reason.length > 500) {
    throw new HttpError(400, 'REASON_REQUIRED', 'admin commands need a "reason" of 3 to 500 characters');
  }
  const verb = action[1] ? `mm.${action[1]}` : 'mm.config';
  const target = action[2] ? `mm/${action[2]}` : 'mm/*';
  const record = { at: new Date(), principal: principal.id, verb, target, reason };
  if (!principal.roles.includes('admin')) {
    await o.audit.append({ ...record, outcome: 'denied' });
    throw new HttpError(403, 'ADMIN_UNAUTHORISED', `${principal.id} may not ${verb}`);
  }
  const makers = action[2] ? mm.makers.filter((m) => m.status.market === action[2]) : mm.makers;
  if (makers.length === 0) throw new HttpError(404, 'UNKNOWN_MARKET', `no market maker on ${action[2]}`);
  if (verb === 'mm.config') {
    const parsed = pmmChange.safeParse(change);
    if (!parsed.success) throw new HttpError(400, 'INVALID_PMM_CONFIG', parsed.error.issues[0]!.message);
    try {
      makers[0]!.configure(parsed.data as Partial<PmmConfig>);
    } catch (error) {
      if (error instanceof InvalidPmmConfigError) throw new HttpError(400, error.code, error.message);
      throw error;
    }
  }
  await o.audit.append({
    ...record,
    outcome: 'accepted',
    ...(verb === 'mm.config' ? { detail: change } : {}),
  });
  if (verb === 'mm.stop') await Promise.all(makers.map((m) => m.stop()));
  if (verb === 'mm.start') for (const m of makers) m.start();
  return send(
    res,
    200,
    makers.map((m) => m.status),
  );
}

function devBody(body: unknown): Record<string, unknown> & { account: number } {
  const account =
    typeof body === 'object' && body !== null ? (body as { account?: unknown }).account : undefined;
  if (typeof account !== 'number' || !Number.isSafeInteger(account) || account < 1) {
    throw new HttpError(400, 'INVALID_ACCOUNT', '"account" must be a positive integer');
  }
  return body as Record<string, unknown> & { account: number };
}

export function createNodeHttpServer(options: HttpOptions): Server {
  return createServer((req, res) => {
    route(options, req, res).catch((error: unknown) => sendError(options, res, error));
  });
}

async function route(o: HttpOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://node');
  const path = url.pathname;
  if (path === '/graphql') return o.gateway.handle(req, res);
  if (req.method === 'GET' && path === '/healthz') {
    const { node, hosts } = await o.hosts.health();
    const ok = hosts.every((h) => h.up);
    return send(res, ok ? 200 : 503, { status: ok ? 'ok' : 'degraded', node, hosts });
  }
  if (req.method === 'GET' && path === '/metrics') {
    const hostsRegistry = await o.hosts.registry();
    const text = (await o.registry.metrics()) + '\n' + (await hostsRegistry.metrics());
    res.writeHead(200, { 'content-type': o.registry.contentType });
    res.end(text);
    return;
  }
  if (req.method === 'GET' && path === '/actors') {
    authenticate(o, req);
    return send(res, 200, await o.hosts.tree());
  }
  const admin = /^\/admin\/actors\/([^/]+\/[^/]+)\/([a-z]+)$/.exec(path);
  if (req.method === 'POST' && admin) {
    const principal = authenticate(o, req);
    const verb = admin[2]!;
    if (!isAdminVerb(verb)) throw new UnknownAdminVerbError(verb);
    const body = await readJson(req, o.maxBodyBytes);
    const reason =
      typeof body === 'object' && body !== null ? (body as { reason?: unknown }).reason : undefined;
    if (typeof reason !== 'string' || reason.trim().length < 3 || reason.length > 500) {
      throw new HttpError(400, 'REASON_REQUIRED', 'admin commands need a "reason" of 3 to 500 characters');
    }
    const target = decodeURIComponent(admin[1]!);
    const { type, payload } = body as { type?: unknown; payload?: unknown };
    const message = verb === 'send' ? { message: { type: String(type), payload } } : {};
    return send(res, 200, await o.hosts.admin(principal, { verb, target, reason, ...message }));
  }
  if (path === '/admin/mm' || path.startsWith('/admin/mm/')) return marketMakerRoute(o, req, res, path);
  if (req.method === 'GET' && path.startsWith('/marketdata/')) return marketDataRoute(o, res, url);
  if (req.method === 'POST' && path === '/dev/ask' && o.development) {
    return send(res, 200, { reply: await o.hosts.deliver(await readText(req, o.maxBodyBytes)) });
  }
  if (req.method === 'POST' && path === '/dev/deposit' && o.development) {
    // A faucet for trying the exchange locally; custody credits accounts the same way.
    const { account, asset, amount, txId } = devBody(await readJson(req, o.maxBodyBytes));
    const credit = {
      address: `account/${account}`,
      type: 'credit',
      payload: { txId, asset, amount, chain: 'dev' },
    };
    return send(res, 200, { reply: await o.hosts.deliver(credit, { trusted: true }) });
  }
  if (req.method === 'POST' && path === '/dev/orders' && o.development) {
    const { account, ...request } = devBody(await readJson(req, o.maxBodyBytes));
    return send(res, 200, { reply: await o.orders.placeOrder(account, request as never) });
  }
  if (o.webApp && serveWebApp(req, res, path)) return;
  throw new HttpError(404, 'NOT_FOUND', `no route for ${req.method} ${path}`);
}

function authenticate(o: HttpOptions, req: IncomingMessage): Principal {
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : '';
  const given = Buffer.from(token);
  for (const t of o.tokens) {
    const expected = Buffer.from(t.token);
    if (given.length === expected.length && timingSafeEqual(given, expected)) return t.principal;
  }
  throw new HttpError(401, 'UNAUTHENTICATED', 'a valid bearer token is required');
}

async function readText(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, 'MESSAGE_TOO_LARGE', `body exceeds ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const text = await readText(req, limit);
  try {
    return text === '' ? {} : JSON.parse(text);
  } catch {
    throw new HttpError(400, 'MALFORMED_MESSAGE', 'body is not valid JSON');
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}

function sendError(o: HttpOptions, res: ServerResponse, error: unknown): void {
  if (error instanceof HttpError)
    return send(res, error.status, { error: { code: error.code, message: error.message } });
  if (error instanceof ActorError) {
    return send(res, STATUS_OF_CODE[error.code] ?? 500, { error: error.toJSON() });
  }
  o.logger.error({ err: error }, 'unexpected error in HTTP handler');
  send(res, 500, { error: { code: 'INTERNAL', message: 'internal error' } });
}
