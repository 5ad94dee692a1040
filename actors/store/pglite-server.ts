import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface PgliteServerOptions {
  /** Directory holding the database files (created when missing); in memory when omitted. */
  readonly dataDir?: string;
  /** Interface to listen on. Default `127.0.0.1`: the server has no authentication. */
  readonly host?: string;
  /** Port to listen on; 0 (the default) picks a free one, see `url`. */
  readonly port?: number;
  /** Most client connections at once, over all processes. Default 64. */
  readonly maxConnections?: number;
}

export interface PgliteServer {
  /** `postgres://postgres@host:port/postgres`, for `createPgDriver({ url })`. */
  readonly url: string;
  /** Stops listening, drops the connections and closes the database. Close the clients first. */
  close(): Promise<void>;
}

/**
 * Serves one PGlite database over the PostgreSQL wire protocol, so several processes (the node and
 * its forked shard hosts) share one embedded database: a PGlite data directory can be opened by
 * only one process. Everyone, this process included, connects through the URL with `pg`:
 * using the PGlite instance directly next to the server would interleave with the socket
 * clients' transactions, which is why this function does not expose it.
 *
 * PGlite runs one statement at a time. The socket server queues statements from all connections
 * and, while one connection is inside a transaction, runs only that connection's statements, so
 * transactions stay isolated; a long transaction therefore stalls every other client. All
 * connections share one backend session, so session state (`SET`, named prepared statements) is
 * shared too: keep clients on defaults and unnamed statements (what `pg` uses unless told otherwise),
 * and do not give `createPgDriver` a schema for this URL.
 */
export async function servePglite(options: PgliteServerOptions = {}): Promise<PgliteServer> {
  const host = options.host ?? '127.0.0.1';
  const db = await PGlite.create(options.dataDir);
  const server = new PGLiteSocketServer({
    db,
    host,
    port: options.port ?? 0,
    maxConnections: options.maxConnections ?? 64,
  });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  // After start() the connection string carries the port the OS picked: "127.0.0.1:54321".
  const port = server.getServerConn().slice(server.getServerConn().lastIndexOf(':') + 1);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `postgres://postgres@${urlHost}:${port}/postgres`,
    async close(): Promise<void> {
      await server.stop();
      await db.close();
    },
  };
}
