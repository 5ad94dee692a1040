import { createClient } from 'graphql-ws';
import type { Client } from 'graphql-ws';
import { WebSocket } from 'ws';

/**
 * The fan-out subscribers of `bench/gateway.ts`, in their own process (as remote clients would
 * be): `count` real graphql-ws clients over `ws`, connected in batches, each subscribed to
 * `trades(symbol)`. Every delivery is noted with its receive time (epoch ms, sub-ms precision:
 * `performance.timeOrigin + performance.now()`, comparable with the gateway process's clock).
 *
 * Protocol (IPC): `connect` -> `connected`; then `primed` once every client has had a trade;
 * `finish` (the publish time of each measured trade) -> `result`; `close` -> exit.
 */

export type ToClients =
  | { readonly type: 'connect'; readonly url: string; readonly count: number; readonly symbol: string }
  | {
      readonly type: 'finish';
      /** [seq, publish time] of every measured trade. */
      readonly published: readonly (readonly [number, number])[];
      readonly waitMs: number;
    }
  | { readonly type: 'close' };

export interface FanoutResult {
  readonly subscribers: number;
  readonly trades: number;
  readonly deliveries: number;
  readonly missed: number;
  readonly duplicates: number;
  readonly failedClients: number;
  readonly errorSamples: readonly string[];
  /** From the bus publish to the client's receipt. */
  readonly latencyMs: { p50: number; p90: number; p99: number; p999: number; max: number };
  /** From the trade's own `time` (the match, ms resolution) to the client's receipt. */
  readonly fromFillMs: { p50: number; p99: number; max: number };
}

const now = (): number => performance.timeOrigin + performance.now();
const BATCH = 100;

interface Subscriber {
  /** Deliveries as [seq, received at, trade time]. */
  readonly seqs: number[];
  readonly received: number[];
  readonly times: number[];
  failed: boolean;
}

const subscribers: Subscriber[] = [];
const clients: Client[] = [];
const errorSamples: string[] = [];
let primedSent = false;

function fail(s: Subscriber, what: string): void {
  s.failed = true;
  if (errorSamples.length < 5) errorSamples.push(what);
}

function connectOne(url: string, symbol: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s: Subscriber = { seqs: [], received: [], times: [], failed: false };
    subscribers.push(s);
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: (error) => reject(error instanceof Error ? error : new Error(String(error))),
      on: {
        connected: () => resolve(),
        closed: (event) => {
          const code = (event as { code?: number }).code;
          if (code !== 1000 && code !== 1001) fail(s, `closed ${code}`);
        },
      },
    });
    clients.push(client);
    client.subscribe<{ trades: { seq: string; time: string } }>(
      { query: `subscription { trades(symbol: "${symbol}") { symbol seq time price size takerSide } }` },
      {
        next: (value) => {
          const at = now();
          const trade = value.data?.trades;
          if (!trade) return fail(s, JSON.stringify(value.errors ?? value).slice(0, 300));
          s.seqs.push(Number(trade.seq));
          s.received.push(at);
          s.times.push(Date.parse(trade.time));
          if (!primedSent && s.seqs.length === 1 && subscribers.every((x) => x.seqs.length > 0)) {
            primedSent = true;
            process.send!({ type: 'primed' });
          }
        },
        error: (error) => fail(s, String(error instanceof Error ? error.message : JSON.stringify(error))),
        complete: () => undefined,
      },
    );
  });
}

function percentiles(values: number[]) {
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? NaN;
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), p999: at(0.999), max: sorted.at(-1) ?? NaN };
}

async function finish(
  published: readonly (readonly [number, number])[],
  waitMs: number,
): Promise<FanoutResult> {
  const publishedAt = new Map(published);
  const expected = publishedAt.size;
  const measuredCount = (s: Subscriber) => {
    let n = 0;
    for (const seq of s.seqs) if (publishedAt.has(seq)) n++;
    return n;
  };
  // Deliveries still on their way: wait (bounded) until every client has every trade.
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline && subscribers.some((s) => !s.failed && measuredCount(s) < expected))
    await new Promise((resolve) => setTimeout(resolve, 50));

  const latencies: number[] = [];
  const fromFill: number[] = [];
  let missed = 0;
  let duplicates = 0;
  for (const s of subscribers) {
    const seen = new Set<number>();
    for (let i = 0; i < s.seqs.length; i++) {
      const seq = s.seqs[i]!;
      const at = publishedAt.get(seq);
      if (at === undefined) continue;
      if (seen.has(seq)) {
        duplicates++;
        continue;
      }
      seen.add(seq);
      latencies.push(s.received[i]! - at);
      fromFill.push(s.received[i]! - s.times[i]!);
    }
    missed += expected - seen.size;
  }
  const f = percentiles(fromFill);
  return {
    subscribers: subscribers.length,
    trades: expected,
    deliveries: latencies.length,
    missed,
    duplicates,
    failedClients: subscribers.filter((s) => s.failed).length,
    errorSamples,
    latencyMs: percentiles(latencies),
    fromFillMs: { p50: f.p50, p99: f.p99, max: f.max },
  };
}

process.on('message', (message: ToClients) => {
  void (async () => {
    if (message.type === 'connect') {
      for (let i = 0; i < message.count; i += BATCH) {
        const batch = Math.min(BATCH, message.count - i);
        await Promise.all(Array.from({ length: batch }, () => connectOne(message.url, message.symbol)));
      }
      process.send!({ type: 'connected' });
    } else if (message.type === 'finish') {
      process.send!({ type: 'result', result: await finish(message.published, message.waitMs) });
    } else {
      await Promise.all(clients.map((client) => client.dispose()));
      process.send!({ type: 'closed' }, () => process.disconnect());
    }
  })().catch((error: unknown) => {
    process.send!({ type: 'error', message: String((error as Error)?.stack ?? error) });
  });
});
