import type { DocumentNode, ExecutionResult } from 'graphql';
import { Kind } from 'graphql';

/**
 * One execution of a public subscription for every client that sent the same one. 2,000 clients
 * on `trades(symbol: "BTC-USDT")` then cost one bus subscription and one GraphQL execution per
 * trade, and each client only a queue push and its socket write, instead of 2,000 executions.
 *
 * Only root fields whose result cannot depend on who asks are shared (SHAREABLE_FIELDS); per-user
 * streams and the order book (a snapshot per subscriber, then deltas) run per client as before.
 * Each client keeps its own bounded queue with the field's overflow policy, as the unshared
 * streams do: trades end with a SLOW_CONSUMER error (the client re-reads the tape), tickers and
 * candles keep the newest values.
 */

export type SharedOverflow = 'fail' | 'drop-oldest';

/** Public market-data subscriptions, and what a client that falls behind gets. */
export const SHAREABLE_FIELDS: ReadonlyMap<string, SharedOverflow> = new Map([
  ['trades', 'fail'],
  ['ticker', 'drop-oldest'],
  ['candles', 'drop-oldest'],
]);

/** The shareable root field of a single-subscription document, else undefined. */
export function shareableField(
  document: DocumentNode,
  operationName: string | null | undefined,
): string | undefined {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || document.definitions.length !== 1) return undefined;
  const operation = operations[0]!;
  if (operation.operation !== 'subscription') return undefined;
  if (operationName && operation.name?.value !== operationName) return undefined;
  if (operation.directives?.length) return undefined;
  const selections = operation.selectionSet.selections;
  if (selections.length !== 1 || selections[0]!.kind !== Kind.FIELD) return undefined;
  const field = selections[0]!;
  if (field.directives?.length) return undefined;
  return SHAREABLE_FIELDS.has(field.name.value) ? field.name.value : undefined;
}

interface Sink {
  push(result: ExecutionResult): void;
  end(): void;
}

interface Source {
  readonly sinks: Set<Sink>;
  iterator: AsyncIterator<ExecutionResult> | undefined;
  closed: boolean;
}

export class SharedSubscriptions {
  readonly #sources = new Map<string, Source>();

  /** Distinct executions running (one per distinct document and variables). */
  get size(): number {
    return this.#sources.size;
  }

  /**
   * A stream of the shared execution `key`, started with `start` when nobody runs it yet. When
   * `start` gives an error result instead of a stream (a bad symbol), it goes to this client
   * alone and nothing is shared.
   */
  async subscribe(
    key: string,
    overflow: SharedOverflow,
    maxQueue: number,
    slowConsumer: () => ExecutionResult,
    start: () => Promise<AsyncIterable<ExecutionResult> | ExecutionResult>,
  ): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
    let source = this.#sources.get(key);
    if (!source) {
      const started = await start();
      if (!isAsyncIterable(started)) return started;
      // Another client may have started the same one while `start` was awaited.
      source = this.#sources.get(key);
      if (source) {
        void started[Symbol.asyncIterator]().return?.();
      } else {
        source = { sinks: new Set(), iterator: started[Symbol.asyncIterator](), closed: false };
        this.#sources.set(key, source);
        void this.#pump(key, source);
      }
    }
    return this.#client(key, source, overflow, maxQueue, slowConsumer);
  }

  async #pump(key: string, source: Source): Promise<void> {
    try {
      for (;;) {
        const next = await source.iterator!.next();
        if (next.done || source.closed) break;
        for (const sink of source.sinks) sink.push(next.value);
      }
    } catch {
      // The shared stream failed: its clients end, and subscribe again as after any disconnect.
    } finally {
      if (this.#sources.get(key) === source) this.#sources.delete(key);
      source.closed = true;
      for (const sink of source.sinks) sink.end();
      source.sinks.clear();
    }
  }

  #client(
    key: string,
    source: Source,
    overflow: SharedOverflow,
    maxQueue: number,
    slowConsumer: () => ExecutionResult,
  ): AsyncGenerator<ExecutionResult> {
    const queue: ExecutionResult[] = [];
    let waiting: ((value: IteratorResult<ExecutionResult>) => void) | undefined;
    let ended = false;
    const release = (): void => {
      source.sinks.delete(sink);
      if (source.sinks.size === 0 && !source.closed) {
        source.closed = true;
        if (this.#sources.get(key) === source) this.#sources.delete(key);
        void source.iterator?.return?.();
      }
    };
    const sink: Sink = {
      push(result) {
        if (ended) return;
        if (waiting) {
          const resolve = waiting;
          waiting = undefined;
          resolve({ value: result, done: false });
          return;
        }
        queue.push(result);
        if (queue.length <= maxQueue) return;
        if (overflow === 'drop-oldest') {
          queue.shift();
          return;
        }
        // Lossless stream, client too slow: tell it once, then end (it re-reads and resubscribes).
        queue.length = 0;
        queue.push(slowConsumer());
        ended = true;
        release();
      },
      end() {
        ended = true;
        if (waiting) {
          const resolve = waiting;
          waiting = undefined;
          resolve({ value: undefined, done: true });
        }
      },
    };
    source.sinks.add(sink);
    if (source.closed) sink.end();

    const generator: AsyncGenerator<ExecutionResult> = {
      next() {
        const value = queue.shift();
        if (value !== undefined) return Promise.resolve({ value, done: false });
        if (ended) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (waiting = resolve));
      },
      return() {
        ended = true;
        queue.length = 0;
        release();
        sink.end();
        return Promise.resolve({ value: undefined, done: true });
      },
      throw(error: unknown) {
        ended = true;
        release();
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      },
      [Symbol.asyncIterator]() {
        return generator;
      },
    };
    return generator;
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<ExecutionResult> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
