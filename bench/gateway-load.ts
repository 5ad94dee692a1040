import { createRequire } from 'node:module';

/**
 * The placeOrder load generator of `bench/gateway.ts`, in its own process (the gateway keeps its
 * core): autocannon over HTTP keep-alive, a fixed number of connections, one request in flight on
 * each. Every connection loops over two requests: a resting LIMIT sell from one user, then a
 * crossing IOC buy from another, so every second order trades. Each request gets its own
 * clientOrderId and bearer token. Every response is checked: HTTP 200, no GraphQL errors, the
 * order's status.
 */

export interface LoadJob {
  readonly url: string;
  /** Access tokens; pair i sells as sellers[i] and buys as buyers[i]. */
  readonly sellers: readonly string[];
  readonly buyers: readonly string[];
  readonly market: string;
  readonly price: string;
  readonly size: string;
  readonly connections: number;
  readonly warmupSeconds: number;
  readonly seconds: number;
}

export interface LoadResult {
  readonly requests: number;
  readonly seconds: number;
  readonly latenciesMs: { p50: number; p90: number; p99: number; p999: number; max: number };
  readonly errors: number;
  readonly errorSamples: readonly string[];
  readonly statuses: Record<string, number>;
  /** Socket errors and timeouts autocannon saw. */
  readonly transportErrors: number;
}

interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
  onResponse?: (status: number, body: string) => void;
}

interface AutocannonResult {
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
}

interface AutocannonInstance extends PromiseLike<AutocannonResult> {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}

type Autocannon = (options: Record<string, unknown>) => AutocannonInstance;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const PLACE = 'mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id clientOrderId status } }';

async function load(job: LoadJob, phase: string, seconds: number): Promise<LoadResult> {
  const pairs = job.sellers.length;
  let nextPair = 0;
  let nextId = 0;
  let errors = 0;
  const errorSamples: string[] = [];
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];

  const body = (side: 'SELL' | 'BUY') =>
    JSON.stringify({
      query: PLACE,
      variables: {
        input: {
          clientOrderId: `${phase}-${++nextId}`,
          market: job.market,
          side,
          type: side === 'SELL' ? 'LIMIT' : 'IOC',
          price: job.price,
          size: job.size,
        },
      },
    });
  const onResponse = (status: number, text: string): void => {
    let placed: { status?: string } | undefined;
    let problem: string | undefined;
    try {
      const result = JSON.parse(text) as {
        data?: { placeOrder?: { status?: string } } | null;
        errors?: { message: string; extensions?: { code?: string } }[];
      };
      if (status !== 200) problem = `HTTP ${status}`;
      if (result.errors?.length)
        problem = result.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ');
      placed = result.data?.placeOrder ?? undefined;
      if (!placed?.status) problem ??= 'no placeOrder in the response';
    } catch {
      problem = `HTTP ${status}, not JSON: ${text.slice(0, 200)}`;
    }
    if (problem) {
      errors++;
      if (errorSamples.length < 5) errorSamples.push(problem);
    } else {
      statuses[placed!.status!] = (statuses[placed!.status!] ?? 0) + 1;
    }
  };

  const requests: AutocannonRequest[] = [
    {
      setupRequest: (request, context) => {
        const pair = nextPair++ % pairs;
        context['pair'] = pair;
        return {
          ...request,
          headers: { ...request.headers, authorization: `Bearer ${job.sellers[pair]}` },
          body: body('SELL'),
        };
      },
      onResponse,
    },
    {
      setupRequest: (request, context) => ({
        ...request,
        headers: { ...request.headers, authorization: `Bearer ${job.buyers[context['pair'] as number]}` },
        body: body('BUY'),
      }),
      onResponse,
    },
  ];
  const instance = autocannon({
    url: job.url,
    connections: job.connections,
    pipelining: 1,
    duration: seconds,
    timeout: 10,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests,
  });
  instance.on('response', (_client, _status, _bytes, ms) => void latencies.push(ms));
  const t0 = performance.now();
  const result = await instance;
  const elapsed = (performance.now() - t0) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? NaN;
  return {
    requests: sorted.length,
    seconds: elapsed,
    latenciesMs: { p50: at(0.5), p90: at(0.9), p99: at(0.99), p999: at(0.999), max: sorted.at(-1) ?? NaN },
    errors: errors + result.non2xx,
    errorSamples,
    statuses,
    transportErrors: result.errors + result.timeouts,
  };
}

process.once('message', (job: LoadJob) => {
  void (async () => {
    const warm = await load(job, 'w', job.warmupSeconds);
    process.send!({ type: 'warm', result: warm });
    const measured = await load(job, 'm', job.seconds);
    process.send!({ type: 'result', result: measured }, () => process.disconnect());
  })().catch((error: unknown) => {
    process.send!({ type: 'error', message: String((error as Error)?.stack ?? error) }, () =>
      process.disconnect(),
    );
  });
});
