import { createClient } from 'graphql-ws';
import type { Client } from 'graphql-ws';
import { ApiError } from './errors.ts';
import { session } from './session.svelte.ts';
import type { SessionUser, Tokens } from './session.svelte.ts';

/**
 * The app's one GraphQL client: queries and mutations over HTTP POST to /graphql on this origin,
 * subscriptions over graphql-ws on the same URL. Errors become ApiError with the gateway's
 * stable `extensions.code`. An expired access token is refreshed once, transparently.
 */

type Variables = Record<string, unknown>;

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; field?: string } }[];
}

const USER_FIELDS = 'id email account roles mfaEnabled';
export const AUTH_FIELDS = `accessToken refreshToken expiresAt user { ${USER_FIELDS} }`;

function endpoint(): string {
  return '/graphql';
}

function toError(response: GraphQLResponse<unknown>): ApiError {
  const first = response.errors?.[0];
  return new ApiError(
    first?.extensions?.code ?? 'INTERNAL',
    first?.message ?? 'request failed',
    first?.extensions?.field,
  );
}

async function post<T>(query: string, variables: Variables, token: string | null): Promise<T> {
  let response: Response;
  try {
    response = await fetch(endpoint(), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('NETWORK', 'cannot reach the exchange');
  }
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(response.status === 429 ? 'RATE_LIMITED' : 'UNAVAILABLE', `HTTP ${response.status}`);
  }
  if (body.errors?.length) throw toError(body);
  if (!body.data) throw new ApiError('INTERNAL', 'empty response');
  return body.data;
}

let refreshing: Promise<boolean> | null = null;

/** Trades the stored refresh token for new tokens; false when there is none or it is refused. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const refreshToken = session.refreshToken;
    if (!refreshToken) return false;
    try {
      const data = await post<{ refresh: Tokens & { user: SessionUser } }>(
        `mutation Refresh($t: String!) { refresh(refreshToken: $t) { ${AUTH_FIELDS} } }`,
        { t: refreshToken },
        null,
      );
      session.set(data.refresh, data.refresh.user);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code !== 'NETWORK') session.clear();
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** Runs a query or mutation as the logged-in user (or anonymously). */
export async function gql<T>(query: string, variables: Variables = {}): Promise<T> {
  if (session.accessToken && session.expiresAt - Date.now() < 10_000) await refreshSession();
  try {
    return await post<T>(query, variables, session.accessToken);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED' && session.refreshToken) {
      if (await refreshSession()) return post<T>(query, variables, session.accessToken);
    }
    throw error;
  }
}

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'closed';

const listeners = new Set<(state: ConnectionState) => void>();
let state: ConnectionState = 'closed';
let client: Client | null = null;
let clientToken: string | null = null;
/** Who the live connection was opened for: a token refresh keeps it, a login or logout does not. */
let clientUser: string | null = null;

function setState(next: ConnectionState): void {
  state = next;
  for (const listener of listeners) listener(next);
}

/** Follows the live connection (for the "disconnected" banner). Returns an unsubscribe. */
export function onConnectionState(listener: (state: ConnectionState) => void): () => void {
  listeners.add(listener);
  listener(state);
  return () => listeners.delete(listener);
}

function wsClient(): Client {
  // A new login (or logout) needs a new connection: the socket authenticates once, at init.
  // (A refreshed token is picked up by connectionParams at the next reconnect.)
  const user = session.user?.id ?? null;
  if (client && clientUser === user && (clientToken !== null) === (session.accessToken !== null))
    return client;
  client?.dispose();
  clientToken = session.accessToken;
  clientUser = user;
  const url = new URL(endpoint(), location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  let everConnected = false;
  client = createClient({
    url: url.href,
    lazy: true,
    lazyCloseTimeout: 2_000,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    // graphql-ws backs off without bound (2^n s); a terminal should be back within seconds.
    retryWait: (retries) =>
      new Promise((resolve) =>
        setTimeout(resolve, Math.min(8_000, 500 * 2 ** retries) + Math.random() * 500),
      ),
    connectionParams: async () => {
      if (session.refreshToken && session.expiresAt - Date.now() < 10_000) await refreshSession();
      clientToken = session.accessToken;
      return session.accessToken ? { token: session.accessToken } : {};
    },
    on: {
      connecting: () => setState(everConnected ? 'reconnecting' : 'connecting'),
      connected: () => {
        everConnected = true;
        setState('connected');
      },
      closed: () => setState(everConnected ? 'reconnecting' : 'closed'),
    },
  });
  return client;
}

/**
 * Subscribes; `onData` gets each result's data. graphql-ws resubscribes after a reconnect, so a
 * subscription that starts with a snapshot (order book) starts over with a fresh one. Returns an
 * unsubscribe.
 */
export function subscribe<T>(
  query: string,
  variables: Variables,
  onData: (data: T) => void,
  onError?: (error: ApiError) => void,
): () => void {
  return wsClient().subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors?.length) onError?.(toError(result as GraphQLResponse<unknown>));
        else if (result.data) onData(result.data as T);
      },
      error: (error) => {
        if (Array.isArray(error)) onError?.(toError({ errors: error }));
        else onError?.(new ApiError('NETWORK', 'live connection lost'));
      },
      complete: () => {},
    },
  );
}

/** Drops the live connection (logout); the next subscribe opens a fresh one. */
export function resetLiveConnection(): void {
  client?.dispose();
  client = null;
  clientToken = null;
  clientUser = null;
  setState('closed');
}
