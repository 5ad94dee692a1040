import type { IncomingHttpHeaders } from 'node:http';
import type { Ask, LedgerReadModel, OrderPath } from '../actors/account/index.ts';
import type { MarketCreation } from '../actors/market-creation.ts';
import type { MarketSpec } from '../actors/market/index.ts';
import type { MarketMakerStatus, PmmConfig } from '../actors/mm/index.ts';
import type { MarketData, MarketDataRecorder } from '../actors/marketdata/index.ts';
import type { AuditRecord } from '../actors/store/index.ts';
import type { Bus } from '../actors/transport/index.ts';
import type { GatewayAuth } from './auth-service.ts';

/** Scopes an API key (or a session, which has them all) can carry. */
export type Scope = 'read' | 'trade' | 'withdraw';
export type Role = 'user' | 'admin' | 'sre';

/**
 * Who is calling, once `authenticate` has proved it. `account` is the AccountActor key
 * (`account/<n>`); `mfa` says the session passed a second factor (admin commands require it).
 */
export interface Principal {
  readonly userId: string;
  readonly account: number;
  readonly roles: readonly Role[];
  readonly scopes: readonly Scope[];
  readonly mfa: boolean;
  /** The session (refresh-token family) a JWT came from; absent for API keys. */
  readonly sessionId?: string;
  /** The API key that signed the request; absent for sessions (rate limits key on it). */
  readonly apiKeyId?: string;
}

/**
 * What `authenticate` sees: an HTTP request's headers, or a WebSocket's `connection_init` payload
 * (plus the upgrade request's headers). The transport is named so an implementation can refuse
 * credentials that do not belong on it.
 */
export type AuthRequest =
  | {
      readonly transport: 'http';
      readonly headers: IncomingHttpHeaders;
      readonly ip: string | undefined;
      /** What an API-key signature covers: method, path with query as sent, and the raw body. */
      readonly method: string;
      readonly path: string;
      readonly body: string;
    }
  | {
      readonly transport: 'ws';
      readonly headers: IncomingHttpHeaders;
      readonly ip: string | undefined;
      readonly connectionParams: Readonly<Record<string, unknown>> | undefined;
    };

/**
 * Resolves the caller: a principal, `null` for an anonymous caller (public market data still
 * works), or throws `AuthenticationFailed` when credentials were given but are not valid, so a bad
 * token is refused rather than silently downgraded to anonymous.
 */
export type Authenticate = (request: AuthRequest) => Promise<Principal | null>;

/**
 * Thrown by `authenticate` when credentials were presented but are invalid, expired or revoked:
 * HTTP answers UNAUTHENTICATED, a WebSocket `connection_init` is refused (close 4403).
 */
export class AuthenticationFailedError extends Error {
  override name = 'AuthenticationFailedError';
  readonly code = 'UNAUTHENTICATED';
}

/** The exchange the gateway serves: read by resolvers, never owned by them. */
export interface GatewayServices {
  /**
   * Specs of the markets served, by symbol (decimal conversions, validation). Live: a market an
   * admin creates shows up here once it trades (`marketCatalog.create`), with its market data.
   */
  readonly markets: ReadonlyMap<string, MarketSpec>;
  readonly marketData: ReadonlyMap<string, MarketData>;
  /** Recorded history (candles with `from`); absent: only live data. */
  readonly recorder?: MarketDataRecorder;
  /** Ledger history (`ledgerEntries`); absent: that field answers UNAVAILABLE. */
  readonly ledger?: LedgerReadModel;
  /** Email and creation time of a user (the auth store); absent: those fields answer UNAVAILABLE. */
  readonly users?: UserDirectory;
  readonly orders: OrderPath;
  /** Trusted asks to actors (`account/<n>` reads). */
  readonly ask: Ask;
  readonly bus: Bus;
  readonly now: () => number;
  /** Sign-up, login, sessions, MFA, API keys and rate limits; absent: those fields answer UNAVAILABLE. */
  readonly auth?: GatewayAuth;
  /** The audited admin path (the node's ShardHosts and audit log); absent: admin fields answer UNAVAILABLE. */
  readonly admin?: AdminService;
  /** Markets admins create, which trade at once; absent: createMarket answers UNAVAILABLE. */
  readonly marketCatalog?: MarketCreation;
  /** The node's demo market makers (the same ones /admin/mm controls); absent: UNAVAILABLE. */
  readonly marketMaking?: MarketMakingService;
}

/** What the admin panel drives of the node's market makers (`DemoMarketMaking` satisfies it). */
export interface MarketMakingService {
  readonly makers: readonly {
    readonly status: MarketMakerStatus;
    start(): void;
    stop(): Promise<void>;
    configure(change: Partial<PmmConfig>): void;
  }[];
}

/** One admin command as the actor runtime takes it (`ShardHosts.admin`). */
export interface AdminCommand {
  readonly verb: string;
  /** Actor address, e.g. `market/BTC-USDT`. */
  readonly target: string;
  /** Why, in the operator's words; kept in the audit log. */
  readonly reason: string;
  /** For `send`: the message, validated against the actor's protocol by the runtime. */
  readonly message?: { readonly type: string; readonly payload: unknown };
}

/** The admin path: every command is authorised and written to the audit log by the runtime. */
export interface AdminService {
  run(principal: Principal, command: AdminCommand): Promise<unknown>;
  /** node -> shard host -> actor (`ShardHosts.tree`), plain JSON. */
  tree(): Promise<unknown>;
  /** Newest first. */
  audit(options: { readonly target?: string; readonly limit?: number }): Promise<AuditRecord[]>;
  /**
   * Writes the audit record of an admin action the gateway runs itself rather than an actor
   * (roles, market creation, market makers); absent: those actions answer UNAVAILABLE.
   */
  record?(record: Omit<AuditRecord, 'at'>): Promise<void>;
}

/** What the gateway reads of a user beyond the principal (the auth stage's user store). */
export interface UserDirectory {
  get(userId: string): Promise<{ readonly email: string; readonly createdAt: number } | null>;
}

/** The context every resolver gets. */
export interface GraphContext {
  readonly principal: Principal | null;
  readonly services: GatewayServices;
  /** Correlates log lines of one request or one WebSocket operation. */
  readonly requestId: string;
  /** The client address the gateway saw (per-IP rate limits). */
  readonly ip?: string | undefined;
}
