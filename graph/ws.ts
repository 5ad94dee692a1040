import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { CloseCode, handleProtocols, makeServer } from 'graphql-ws';
import type { ServerOptions } from 'graphql-ws';
import type { WebSocket } from 'ws';
import { WebSocketServer } from 'ws';

/**
 * graphql-ws on a `ws` server sharing the node's HTTP port (upgrade at one path). Like
 * graphql-ws's own `useServer`, plus a bound on what one socket may have unsent: a client that
 * does not read its socket is closed with `SLOW_CONSUMER_CLOSE` rather than buffered without
 * bound. (Subscriptions bound their own queues too; this guards the socket itself.)
 */

/** RFC 6455 "Try Again Later": the client may reconnect and resubscribe (a fresh snapshot). */
export const SLOW_CONSUMER_CLOSE = 1013;

export interface WsExtra {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
}

export interface WsOptions {
  readonly path: string;
  /** Unsent bytes a socket may hold before it is closed as a slow consumer. */
  readonly maxBufferedBytes: number;
  /** Ping interval; a peer that has not answered by the next ping is terminated. */
  readonly keepAliveMs: number;
  readonly maxPayloadBytes: number;
  readonly onError: (error: unknown) => void;
}

export interface WsAttachment {
  close(): Promise<void>;
}

export function attachGraphqlWs(
  server: Server,
  graphqlWs: ServerOptions<Record<string, unknown> | undefined, WsExtra>,
  options: WsOptions,
): WsAttachment {
  const wss = new WebSocketServer({ noServer: true, handleProtocols, maxPayload: options.maxPayloadBytes });
  const protocol = makeServer(graphqlWs);

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? '/', 'http://gateway').pathname;
    // Other upgrade listeners may own other paths; this one answers only its own.
    if (path !== options.path) return;
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  server.on('upgrade', onUpgrade);

  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    socket.once('error', (error) => {
      options.onError(error);
      socket.close(CloseCode.InternalServerError, 'Internal server error');
    });
    let alive = true;
    socket.on('pong', () => (alive = true));
    const ping = setInterval(() => {
      if (!alive) return socket.terminate();
      alive = false;
      socket.ping();
    }, options.keepAliveMs);
    const closed = protocol.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            if (socket.bufferedAmount > options.maxBufferedBytes) {
              socket.close(SLOW_CONSUMER_CLOSE, 'Slow consumer: too much unread data');
              return resolve();
            }
            socket.send(data, (error) => (error ? reject(error) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', (data) => {
            handle(String(data)).catch((error: unknown) => {
              options.onError(error);
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      { socket, request },
    );
    socket.once('close', (code, reason) => {
      clearInterval(ping);
      void closed(code, String(reason));
    });
  });

  return {
    async close() {
      server.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.close(1001, 'Going away');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
