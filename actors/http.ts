import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { ActorError, isAdminVerb, UnknownAdminVerbError } from './runtime/index.ts';
import type { Principal, ShardHosts } from './runtime/index.ts';
import type { OrderPath } from './account/index.ts';

/**
 * The node's HTTP surface at the foundation stage: health, Prometheus metrics, the actor tree and
 * admin verbs for SREs and admins (bearer tokens), and in development a raw `ask` for poking the
 * example actors. The GraphQL gateway joins this port in a later stage.
 */

export interface HttpOptions {
  readonly hosts: ShardHosts;
  /** Place/cancel through the accounts (development routes until the gateway serves them). */
  readonly orders: OrderPath;
  /** The node process's own metrics (process, event loop). */
  readonly registry: Registry;
  readonly tokens: readonly { readonly token: string; readonly principal: Principal }[];
  readonly development: boolean;
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
