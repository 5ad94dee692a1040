import { createClient } from 'graphql-ws';
import type { Client } from 'graphql-ws';
import { WebSocket } from 'ws';

export type WsResult = { data?: Record<string, unknown> | null; errors?: readonly unknown[] };

/** A real graphql-ws client; `closed` records the close code (4403: connection_init refused). */
export function wsClient(url: string, connectionParams?: Record<string, unknown>) {
  const closed: number[] = [];
  const client: Client = createClient({
    url,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    ...(connectionParams ? { connectionParams } : {}),
    on: { closed: (event) => void closed.push((event as { code: number }).code) },
    onNonLazyError: () => undefined,
  });
  return { client, closed };
}

/** Collects a subscription's results; `until(n)` resolves once `n` arrived (or after `ms`). */
export function collect(c: Client, query: string) {
  const results: WsResult[] = [];
  c.subscribe(
    { query },
    {
      next: (value) => void results.push(value as WsResult),
      error: (error) => void results.push({ errors: Array.isArray(error) ? error : [error] }),
      complete: () => undefined,
    },
  );
  return {
    results,
    async until(n: number, ms = 3_000): Promise<WsResult[]> {
      const deadline = Date.now() + ms;
      while (results.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      return results;
    },
  };
}
