import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, NoSchemaIntrospectionCustomRule } from 'graphql';
import type { ExecutionArgs, ExecutionResult } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { AuthenticationFailedError } from './context.ts';
import type { Authenticate, AuthRequest, GatewayServices, GraphContext, Principal } from './context.ts';
import { ErrorCode, graphError, normaliseError } from './errors.ts';
import { logRequest, operationNameOf } from './request-log.ts';
import { resolvers } from './resolvers/index.ts';
import { SUBSCRIPTION_QUEUE } from './resolvers/subscriptions.ts';
import { SHAREABLE_FIELDS, shareableField, SharedSubscriptions } from './subscriptions/shared.ts';
import { attachGraphqlWs } from './ws.ts';
import type { WsAttachment } from './ws.ts';

/** Limits on what one operation may ask for (graphql-armor), checked before anything runs. */
export interface QueryLimits {
  readonly maxDepth: number;
  /** graphql-armor's cost: objects and scalars weighted by depth. */
  readonly maxCost: number;
  readonly maxAliases: number;
  readonly maxTokens: number;
  readonly maxDirectives: number;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 8,
  maxCost: 5_000,
  maxAliases: 15,
  maxTokens: 1_000,
  maxDirectives: 10,
};

export interface GatewayOptions {
  readonly services: GatewayServices;
  /** Who the caller is (HTTP headers, or a WebSocket's connection_init). Default: everyone anonymous. */
  readonly authenticate?: Authenticate;
  /** GraphiQL, introspection and field suggestions; off unless true (production default). */
  readonly development?: boolean;
  /** Where `attach` accepts WebSocket upgrades; `handle` serves whatever the node routes to it. */
  readonly path?: string;
  /** Browser origins allowed to call cross-origin; none by default. */
  readonly corsOrigins?: readonly string[];
  /** Largest request body (HTTP) and message (WebSocket). Default 64 KiB. */
  readonly maxBodyBytes?: number;
  readonly limits?: Partial<QueryLimits>;
  readonly logger?: Logger;
  readonly ws?: {
    /** Unsent bytes one socket may hold before it is closed as a slow consumer. Default 1 MiB. */
    readonly maxBufferedBytes?: number;
    readonly keepAliveMs?: number;
    /** Time a client has to send connection_init. Default 3 s. */
    readonly connectionInitWaitTimeoutMs?: number;
  };
}

export interface Gateway {
  /** Serves one HTTP request (queries, mutations, GraphiQL in development). */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** graphql-ws on the same port: upgrades at `path`. */
  attach(server: Server): void;
  close(): Promise<void>;
}

export const SCHEMA_FILE = new URL('./schema.graphql', import.meta.url);

/** Responses yoga streams: subscriptions over SSE, incremental delivery. */
const STREAMED_TYPES = /^(text\/event-stream|multipart\/mixed)/i;

interface Enveloped {
  execute(args: ExecutionArgs): never;
  subscribe(args: ExecutionArgs): never;
}

const anonymous: Authenticate = async () => null;

interface ServerContext {
  readonly nodeRequest?: IncomingMessage;
  /** The raw HTTP body, exactly as received (API-key signatures cover it). */
  readonly rawBody?: string;
  readonly wsContext?: GraphContext;
}

function clientIp(req: IncomingMessage): string | undefined {
  return req.socket.remoteAddress;
}

/**
 * The GraphQL gateway: graphql-yoga over the node's HTTP server, graphql-ws on the same port.
 * Errors leave with a stable `extensions.code` (`normaliseError`); unexpected ones are masked and
 * logged. Operations over the depth, cost, alias or token limits are refused before they run.
 */
export function createGateway(options: GatewayOptions): Gateway {
  const development = options.development ?? false;
  const path = options.path ?? '/graphql';
  const maxBodyBytes = options.maxBodyBytes ?? 65_536;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const authenticate = options.authenticate ?? anonymous;
  const logger = options.logger;
  const onUnexpected = (error: unknown) => logger?.error({ err: error }, 'unexpected error in a resolver');
  /** Errors graphql-armor raised: they say "Syntax Error" but mean "too big". */
  const rejectedByLimits = new WeakSet<GraphQLError>();
  const markTooComplex = [(_ctx: unknown, error: GraphQLError) => void rejectedByLimits.add(error)];

  const normalise = (error: unknown): GraphQLError => {
    if (error instanceof GraphQLError && rejectedByLimits.has(error)) {
      return new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
        extensions: { code: ErrorCode.QUERY_TOO_COMPLEX },
      });
    }
    const normalised = normaliseError(error, onUnexpected);
    return development ? normalised : withoutSuggestion(normalised);
  };

  const plugins: Plugin[] = [
    EnvelopArmorPlugin({
      maxDepth: {
        n: limits.maxDepth,
        ignoreIntrospection: true,
        exposeLimits: true,
        onReject: markTooComplex,
      },
      costLimit: {
        maxCost: limits.maxCost,
        ignoreIntrospection: true,
        exposeLimits: true,
        onReject: markTooComplex,
      },
      maxAliases: { n: limits.maxAliases, exposeLimits: true, onReject: markTooComplex },
      maxTokens: { n: limits.maxTokens, exposeLimits: true, onReject: markTooComplex },
      maxDirectives: { n: limits.maxDirectives, exposeLimits: true, onReject: markTooComplex },
      // Suggestions ("did you mean …") map the schema for a caller without introspection.
      blockFieldSuggestion: { enabled: !development },
    }) as Plugin,
  ];
  if (!development) {
    plugins.push({
      onValidate: ({ addValidationRule }) => {
        addValidationRule(NoSchemaIntrospectionCustomRule);
        // Validation errors skip maskError: strip suggestions ("did you mean …") here.
        return ({ result, setResult }) => {
          if (result.some((e) => /Did you mean/.test(e.message)))
            setResult(result.map((e) => (e instanceof GraphQLError ? withoutSuggestion(e) : e)));
        };
      },
    });
  }

  const yoga = createYoga<ServerContext>({
    schema: createSchema<GraphContext>({
      typeDefs: readFileSync(SCHEMA_FILE, 'utf8'),
      resolvers: resolvers as never,
    }),
    graphqlEndpoint: path,
    // `handle` reads the whole body under `maxBodyBytes` (413 beyond) before yoga sees it: yoga's
    // own limit would only pipe the text through a second stream per request.
    maxRequestBodySize: false,
    graphiql: development,
    landingPage: false,
    cors: options.corsOrigins?.length
      ? { origin: [...options.corsOrigins], credentials: true, methods: ['GET', 'POST'] }
      : false,
    maskedErrors: { maskError: (error) => normalise(error) },
    logging: false,
    plugins,
    context: async ({ params, nodeRequest, rawBody, wsContext }): Promise<GraphContext> => {
      if (wsContext) return wsContext;
      const requestId = randomUUID();
      const headers = nodeRequest?.headers ?? {};
      const ip = nodeRequest ? clientIp(nodeRequest) : undefined;
      const principal = await authenticateOrRefuse(authenticate, {
        transport: 'http',
        headers,
        ip,
        method: nodeRequest?.method ?? 'POST',
        path: nodeRequest?.url ?? path,
        body: rawBody ?? '',
      });
      const fields = {
        requestId,
        transport: 'http' as const,
        ip,
        headers,
        operationName: operationNameOf(params),
      };
      logRequest(logger, { ...fields, userId: principal?.userId }, 'graphql request');
      return { principal, services: options.services, requestId, ip };
    },
  });

  const principals = new WeakMap<object, Principal | null>();
  let ws: WsAttachment | undefined;
  // One execution per distinct public subscription, fanned out to its clients (shared.ts).
  const shared = new SharedSubscriptions();
  const slowConsumerResult = (): ExecutionResult => ({
    errors: [
      graphError(
        ErrorCode.SLOW_CONSUMER,
        'Fell too far behind the trades; re-read them and subscribe again.',
        {
          retryable: true,
        },
      ),
    ],
  });

  return {
    async handle(req, res) {
      const body = await readBody(req, maxBodyBytes);
      if (body === undefined) {
        return sendJson(res, 413, {
          errors: [
            {
              message: `Body over ${maxBodyBytes} bytes.`,
              extensions: { code: ErrorCode.PAYLOAD_TOO_LARGE },
            },
          ],
        });
      }
      // A plain record: yoga's Request wraps it as is (a global Headers would be converted again).
      const headers: Record<string, string> = {};
      for (const name in req.headers) {
        const value = req.headers[name];
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      const url = new URL(req.url ?? path, `http://${req.headers.host ?? 'gateway'}`);
      const method = req.method ?? 'GET';
      const text = body.toString('utf8');
      const response = await yoga.fetch(
        url,
        {
          method,
          headers,
          ...(method === 'GET' || method === 'HEAD' ? {} : { body: text }),
        },
        { nodeRequest: req, rawBody: text },
      );
      res.statusCode = response.status;
      response.headers.forEach((value, name) => res.setHeader(name, value));
      if (!STREAMED_TYPES.test(response.headers.get('content-type') ?? '')) {
        // A whole result (JSON, GraphiQL's page): yoga holds it as text; a stream over it would
        // cost more than the result.
        return void res.end(await response.text());
      }
      if (!response.body) return void res.end();
      // Streamed (SSE subscriptions, incremental delivery): written as it comes, ended when done or on close.
      const reader = response.body.getReader();
      res.on('close', () => void reader.cancel().catch(() => undefined));
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        res.write(value);
      }
      res.end();
    },

    attach(server) {
      ws = attachGraphqlWs(
        server,
        {
          connectionInitWaitTimeout: options.ws?.connectionInitWaitTimeoutMs ?? 3_000,
          // A refused connection_init closes with 4403 Forbidden (graphql-ws); 4401 is the
          // protocol's "subscribed before the ack", which graphql-ws sends on its own.
          onConnect: async (ctx) => {
            const { request, socket } = ctx.extra;
            try {
              const principal = await authenticate({
                transport: 'ws',
                headers: request.headers,
                ip: clientIp(request),
                connectionParams: ctx.connectionParams,
              });
              principals.set(socket, principal);
              return true;
            } catch (error) {
              if (!(error instanceof AuthenticationFailedError)) onUnexpected(error);
              return false;
            }
          },
          onSubscribe: async (ctx, _id, payload) => {
            const { request, socket } = ctx.extra;
            const requestId = randomUUID();
            const principal = principals.get(socket) ?? null;
            const wsContext: GraphContext = {
              principal,
              services: options.services,
              requestId,
              ip: clientIp(request),
            };
            logRequest(
              logger,
              {
                requestId,
                transport: 'ws',
                ip: clientIp(request),
                headers: request.headers,
                operationName: operationNameOf(payload),
                userId: principal?.userId,
              },
              'graphql-ws operation',
            );
            const enveloped = yoga.getEnveloped({ params: payload, request, wsContext });
            let document;
            try {
              document = enveloped.parse(payload.query);
              // graphql-armor throws its rejections from validate rather than returning them.
              const errors = enveloped.validate(enveloped.schema, document);
              if (errors.length > 0) return errors.map(normalise);
            } catch (error) {
              return [normalise(error)];
            }
            const args: ExecutionArgs = {
              schema: enveloped.schema,
              document,
              operationName: payload.operationName ?? null,
              variableValues: payload.variables ?? null,
              contextValue: await enveloped.contextFactory(),
              rootValue: {
                execute: enveloped.execute,
                subscribe: enveloped.subscribe,
                sharedKey: `${payload.query}\u0000${payload.operationName ?? ''}\u0000${JSON.stringify(payload.variables ?? {})}`,
              },
            };
            return args;
          },
          // The enveloped execute/subscribe (with yoga's plugins) ride in rootValue from onSubscribe.
          execute: (args) => (args.rootValue as Enveloped).execute(args),
          subscribe: (args) => {
            const root = args.rootValue as Enveloped & { sharedKey: string };
            const field = shareableField(args.document, args.operationName);
            if (!field) return root.subscribe(args);
            return shared.subscribe(
              root.sharedKey,
              SHAREABLE_FIELDS.get(field)!,
              SUBSCRIPTION_QUEUE,
              slowConsumerResult,
              async () => (await root.subscribe(args)) as AsyncIterable<ExecutionResult> | ExecutionResult,
            );
          },
          onNext: (_ctx, _id, _payload, _args, result) =>
            result.errors ? { ...result, errors: result.errors.map(normalise) } : result,
        },
        {
          path,
          maxBufferedBytes: options.ws?.maxBufferedBytes ?? 1_048_576,
          keepAliveMs: options.ws?.keepAliveMs ?? 12_000,
          maxPayloadBytes: maxBodyBytes,
          onError: onUnexpected,
        },
      );
    },

    async close() {
      await ws?.close();
      await yoga.dispose();
    },
  };
}

/** "Did you mean …" maps the schema for a caller who may not introspect it. */
function withoutSuggestion(error: GraphQLError): GraphQLError {
  if (!/Did you mean/.test(error.message)) return error;
  return new GraphQLError(error.message.replace(/ ?Did you mean .*$/s, ''), {
    ...(error.nodes ? { nodes: error.nodes } : {}),
    ...(error.path ? { path: error.path } : {}),
    extensions: error.extensions,
  });
}

async function authenticateOrRefuse(
  authenticate: Authenticate,
  request: AuthRequest,
): Promise<Principal | null> {
  try {
    return await authenticate(request);
  } catch (error) {
    if (error instanceof AuthenticationFailedError) {
      throw new GraphQLError(error.message || 'Invalid credentials.', {
        extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
      });
    }
    throw error;
  }
}

/**
 * The request body, or undefined when it is over `limit` bytes, declared or streamed (the rest is
 * drained unread).
 * Listeners rather than `for await`: an async iterator per request costs more than the body.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    req.resume();
    return Promise.resolve(undefined);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (body: Buffer | undefined) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      // The error listener stays: an aborted drain after a refusal must not become uncaught.
      resolve(body);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.resume();
      finish(undefined);
    };
    const onEnd = () => finish(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    // A client gone before the end: rejected, so nothing waits on it forever.
    const onClose = () => reject(new Error('request closed before its body ended'));
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', reject);
    req.once('close', onClose);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
