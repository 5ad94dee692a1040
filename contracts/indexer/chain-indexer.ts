import { decodeEventLog } from 'viem';
import type { Abi, Address, Hash, Log, PublicClient } from 'viem';
import type { SqlDriver } from '../../actors/store/index.ts';
import { CONTRACT_EVENTS } from './events.ts';
import type { ContractRole } from './events.ts';
import { ChainIndexStore } from './store.ts';
import type { BlockRef, IndexedEvent } from './store.ts';

export interface IndexedContract {
  readonly role: ContractRole;
  readonly address: Address;
}

export interface ChainIndexerOptions {
  readonly client: PublicClient;
  readonly db: SqlDriver;
  readonly contracts: readonly IndexedContract[];
  /** Blocks to wait behind the head before indexing a block. Default 3. */
  readonly confirmations?: number;
  /** First block to index (the contracts' deployment). Default 0. */
  readonly fromBlock?: bigint;
  /** Most blocks per getLogs call and per transaction. Default 2,000. */
  readonly batchBlocks?: number;
  /** Wait between polls once caught up. Default 1,000 ms. */
  readonly pollMs?: number;
  /** Block hashes kept below the cursor to find a reorg's common ancestor. Default 256. */
  readonly keepBlocks?: number;
  readonly onError?: (error: unknown) => void;
}

export interface StepResult {
  /** Events written by this step. */
  readonly indexed: number;
  /** Events removed by a reorg rollback in this step. */
  readonly rolledBack: number;
  /** The cursor after the step (null: nothing indexed yet). */
  readonly cursor: BlockRef | null;
  /** True when the cursor has reached head − confirmations. */
  readonly caughtUp: boolean;
}

/** The chain changed under a batch while it was read; the step is retried. */
class ChainMovedError extends Error {}

/**
 * Follows a chain and writes the exchange contracts' events to the chain index (store.ts).
 *
 * Each step: (1) check the cursor block is still canonical, else a reorg happened: walk back the
 * stored block hashes to the highest one still on the chain, delete everything above it and go on
 * from there; (2) read the logs of the next range up to head − confirmations, decode them with the
 * contracts' ABIs and write them with the new cursor in one transaction. A range is read between
 * two reads of its last block's hash: a block below it cannot change without its hash changing,
 * so equal hashes mean the logs came from one chain.
 */
export class ChainIndexer {
  readonly store: ChainIndexStore;
  readonly #client: PublicClient;
  readonly #abis: ReadonlyMap<string, { role: ContractRole; abi: Abi }>;
  readonly #addresses: Address[];
  readonly #confirmations: bigint;
  readonly #fromBlock: bigint;
  readonly #batch: bigint;
  readonly #pollMs: number;
  readonly #keep: number;
  readonly #onError: (error: unknown) => void;
  #running: Promise<void> | null = null;
  #stopped = false;
  #wake: (() => void) | null = null;

  constructor(
    options: ChainIndexerOptions,
    readonly chainId: number,
  ) {
    this.#client = options.client;
    this.store = new ChainIndexStore(options.db, chainId);
    this.#abis = new Map(
      options.contracts.map((c) => [c.address.toLowerCase(), { role: c.role, abi: CONTRACT_EVENTS[c.role] }]),
    );
    this.#addresses = options.contracts.map((c) => c.address);
    this.#confirmations = BigInt(options.confirmations ?? 3);
    this.#fromBlock = options.fromBlock ?? 0n;
    this.#batch = BigInt(options.batchBlocks ?? 2_000);
    this.#pollMs = options.pollMs ?? 1_000;
    this.#keep = options.keepBlocks ?? 256;
    this.#onError = options.onError ?? (() => {});
  }

  static async create(options: ChainIndexerOptions): Promise<ChainIndexer> {
    return new ChainIndexer(options, await options.client.getChainId());
  }

  /** One step (see the class comment). Safe to call again after any failure. */
  async step(): Promise<StepResult> {
    let cursor = await this.store.cursor();
    let rolledBack = 0;
    if (cursor) {
      const onChain = await this.#hashAt(cursor.number);
      if (onChain !== cursor.hash) {
        const ancestor = await this.#commonAncestor(cursor.number);
        rolledBack = await this.store.rollback(ancestor);
        cursor = ancestor;
      }
    }
    // No cached head: a stale one would report "caught up" behind the chain.
    const head = await this.#client.getBlockNumber({ cacheTime: 0 });
    const safe = head - this.#confirmations;
    const from = cursor ? cursor.number + 1n : this.#fromBlock;
    if (safe < from) return { indexed: 0, rolledBack, cursor, caughtUp: true };
    const to = from + this.#batch - 1n < safe ? from + this.#batch - 1n : safe;

    const before = await this.#hashAt(to);
    const logs = await this.#client.getLogs({ address: this.#addresses, fromBlock: from, toBlock: to });
    const after = await this.#hashAt(to);
    if (before !== after) throw new ChainMovedError(`block ${to} changed while its range was read`);

    const events = await this.#decode(logs);
    const blocks = uniqueBlocks(events);
    const next = { number: to, hash: after };
    await this.store.commit(events, blocks, next);
    if (to % 64n === 0n) await this.store.prune(to - BigInt(this.#keep));
    return { indexed: events.length, rolledBack, cursor: next, caughtUp: to === safe };
  }

  /** Steps until caught up with head − confirmations. */
  async catchUp(): Promise<StepResult> {
    let indexed = 0;
    let rolledBack = 0;
    for (;;) {
      const result = await this.step();
      indexed += result.indexed;
      rolledBack += result.rolledBack;
      if (result.caughtUp) return { ...result, indexed, rolledBack };
    }
  }

  /** Follows the chain until stop(): steps, then sleeps `pollMs` whenever caught up. */
  start(): void {
    if (this.#running) return;
    this.#stopped = false;
    this.#running = (async () => {
      while (!this.#stopped) {
        let caughtUp = true;
        try {
          caughtUp = (await this.step()).caughtUp;
        } catch (error) {
          this.#onError(error);
        }
        if (caughtUp && !this.#stopped) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, this.#pollMs);
            this.#wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          this.#wake = null;
        }
      }
    })();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#wake?.();
    await this.#running;
    this.#running = null;
  }

  async #hashAt(number: bigint): Promise<string> {
    const block = await this.#client.getBlock({ blockNumber: number });
    return block.hash;
  }

  /** The highest stored block still on the chain (null: none, re-index from the start). */
  async #commonAncestor(below: bigint): Promise<BlockRef | null> {
    let upper = below;
    for (;;) {
      const known = await this.store.knownBlocks(upper, 64);
      if (known.length === 0) return null;
      for (const block of known) {
        if ((await this.#hashAt(block.number)) === block.hash) return block;
      }
      upper = known[known.length - 1]!.number - 1n;
    }
  }

  async #decode(logs: readonly Log[]): Promise<IndexedEvent[]> {
    const times = await this.#blockTimes(logs);
    const events: IndexedEvent[] = [];
    for (const log of logs) {
      const contract = this.#abis.get(log.address.toLowerCase());
      if (!contract || log.blockNumber === null || log.logIndex === null) continue;
      let decoded: { eventName: string; args: unknown };
      try {
        decoded = decodeEventLog({ abi: contract.abi, data: log.data, topics: log.topics, strict: true });
      } catch {
        // An event of the contract the indexer does not read (OpenZeppelin's role and pause events).
        continue;
      }
      events.push({
        blockNumber: log.blockNumber,
        logIndex: log.logIndex,
        blockHash: log.blockHash!,
        txHash: log.transactionHash!,
        blockTime: times.get(log.blockHash!)!,
        contract: contract.role,
        address: log.address.toLowerCase(),
        event: decoded.eventName,
        args: plainArgs(decoded.args),
      });
    }
    return events;
  }

  /** Timestamps of the logs' blocks (one header per distinct block; requests batch over HTTP). */
  async #blockTimes(logs: readonly Log[]): Promise<Map<string, bigint>> {
    const hashes = [...new Set(logs.map((l) => l.blockHash).filter((h): h is Hash => h !== null))];
    const times = new Map<string, bigint>();
    const blocks = await Promise.all(hashes.map((blockHash) => this.#client.getBlock({ blockHash })));
    blocks.forEach((block, i) => times.set(hashes[i]!, block.timestamp));
    return times;
  }
}

function uniqueBlocks(events: readonly IndexedEvent[]): BlockRef[] {
  const blocks = new Map<bigint, string>();
  for (const e of events) blocks.set(e.blockNumber, e.blockHash);
  return [...blocks].map(([number, hash]) => ({ number, hash }));
}

/** Decoded args as JSON: bigints as decimal strings, addresses lower-case. */
function plainArgs(args: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args as Record<string, unknown>)) {
    if (typeof value === 'bigint') out[key] = value.toString();
    else if (typeof value === 'string' && /^0x[0-9a-fA-F]{40}$/.test(value)) out[key] = value.toLowerCase();
    else out[key] = value;
  }
  return out;
}
