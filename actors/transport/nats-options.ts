/**
 * `NATS_URL` to nats.js connection options. One seed URL is enough for a cluster: the server tells
 * the client about its peers, and nats.js fails over and reconnects among them by itself.
 */
import type { ConnectionOptions } from 'nats';
import { InvalidUrlError } from './errors.ts';

export interface NatsBusOptions {
  /** Connection name shown by the server's monitoring (`connz`), e.g. the node id. */
  readonly name?: string;
  /** How long the first connect may take before failing (default 5,000 ms). */
  readonly connectTimeoutMs?: number;
  /** Wait between reconnect attempts (default 1,000 ms; nats.js adds jitter). */
  readonly reconnectWaitMs?: number;
}

const DEFAULT_PORT = 4222;

/**
 * Options for `connect()`: `nats://[user:pass@ | token@]host[:port]`. Reconnects never give up
 * (`maxReconnectAttempts: -1`): a node whose bus silently stopped would be worse than one that
 * keeps trying while publishes wait in nats.js's reconnect buffer.
 *
 * @throws InvalidUrlError for anything else.
 */
export function natsConnectionOptions(url: string, options: NatsBusOptions = {}): ConnectionOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw new InvalidUrlError(`NATS URL ${JSON.stringify(url)} cannot be parsed`, { cause: error });
  }
  if (parsed.protocol !== 'nats:' || parsed.hostname === '') {
    throw new InvalidUrlError(
      `NATS URL must look like nats://host:port, got ${JSON.stringify(redactUrl(url))}`,
    );
  }
  const connection: ConnectionOptions = {
    servers: `${parsed.hostname}:${parsed.port === '' ? DEFAULT_PORT : parsed.port}`,
    maxReconnectAttempts: -1,
    reconnectTimeWait: options.reconnectWaitMs ?? 1_000,
    timeout: options.connectTimeoutMs ?? 5_000,
  };
  if (options.name !== undefined) connection.name = options.name;
  const user = decodeURIComponent(parsed.username);
  const pass = decodeURIComponent(parsed.password);
  if (user !== '' && pass !== '') {
    connection.user = user;
    connection.pass = pass;
  } else if (user !== '') {
    connection.token = user;
  }
  return connection;
}

/** The URL without its password or token, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
