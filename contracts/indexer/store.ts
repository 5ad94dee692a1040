import type { SqlDriver, SqlQuerier } from '../../actors/store/index.ts';

/** One decoded event, as the indexer writes it to `chain_events`. */
export interface IndexedEvent {
  readonly blockNumber: bigint;
  readonly logIndex: number;
  readonly blockHash: string;
  readonly txHash: string;
  /** Block time, epoch seconds. */
  readonly blockTime: bigint;
  readonly contract: string;
  readonly address: string;
  readonly event: string;
  /** Decoded arguments; bigints as decimal strings. */
  readonly args: Record<string, unknown>;
}

export interface BlockRef {
  readonly number: bigint;
  readonly hash: string;
}

/**
 * The chain index's tables (migration 008): events, the blocks it has seen, its cursor. Each batch
 * is one transaction, so the cursor never runs ahead of the rows (or behind them) after a crash.
 */
export class ChainIndexStore {
  constructor(
    private readonly db: SqlDriver,
    readonly chainId: number,
  ) {}

  async cursor(): Promise<BlockRef | null> {
    const rows = await this.db.query<{ block_number: string; block_hash: string }>(
      'select block_number::text, block_hash from chain_cursor where chain_id = $1',
      [this.chainId],
    );
    const row = rows[0];
    return row ? { number: BigInt(row.block_number), hash: row.block_hash } : null;
  }

  /** Known blocks at or below `below`, highest first: candidates for the common ancestor. */
  async knownBlocks(below: bigint, limit: number): Promise<BlockRef[]> {
    const rows = await this.db.query<{ block_number: string; block_hash: string }>(
      `select block_number::text, block_hash from chain_blocks
        where chain_id = $1 and block_number <= $2 order by block_number desc limit $3`,
      [this.chainId, below.toString(), limit],
    );
    return rows.map((r) => ({ number: BigInt(r.block_number), hash: r.block_hash }));
  }

  /**
   * Writes a batch: its events, the blocks they came from and the new cursor, at once. Replaying
   * a batch after a crash writes nothing twice (primary keys, `on conflict do nothing`).
   */
  async commit(
    events: readonly IndexedEvent[],
    blocks: readonly BlockRef[],
    cursor: BlockRef,
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (events.length > 0) await insertEvents(tx, this.chainId, events);
      const all = [...blocks.filter((b) => b.number !== cursor.number), cursor];
      await tx.query(
        `insert into chain_blocks (chain_id, block_number, block_hash)
         select $1, b.n::bigint, b.h from jsonb_to_recordset($2::jsonb) as b(n text, h text)
         on conflict (chain_id, block_number) do update set block_hash = excluded.block_hash`,
        [this.chainId, JSON.stringify(all.map((b) => ({ n: b.number.toString(), h: b.hash })))],
      );
      await tx.query(
        `insert into chain_cursor (chain_id, block_number, block_hash) values ($1, $2, $3)
         on conflict (chain_id) do update
           set block_number = excluded.block_number, block_hash = excluded.block_hash, updated_at = now()`,
        [this.chainId, cursor.number.toString(), cursor.hash],
      );
    });
  }

  /** A reorg: forget everything above `ancestor` (null: everything) and move the cursor back to it. */
  async rollback(ancestor: BlockRef | null): Promise<number> {
    const above = ancestor ? ancestor.number.toString() : '-1';
    return this.db.transaction(async (tx) => {
      const removed = await tx.query<{ n: number }>(
        `with gone as (delete from chain_events where chain_id = $1 and block_number > $2 returning 1)
         select count(*)::int as n from gone`,
        [this.chainId, above],
      );
      await tx.query('delete from chain_blocks where chain_id = $1 and block_number > $2', [
        this.chainId,
        above,
      ]);
      if (ancestor) {
        await tx.query(
          'update chain_cursor set block_number = $2, block_hash = $3, updated_at = now() where chain_id = $1',
          [this.chainId, ancestor.number.toString(), ancestor.hash],
        );
      } else {
        await tx.query('delete from chain_cursor where chain_id = $1', [this.chainId]);
      }
      return removed[0]?.n ?? 0;
    });
  }

  /** Drops block hashes far below the cursor (deeper than any reorg the indexer expects). */
  async prune(below: bigint): Promise<void> {
    await this.db.query('delete from chain_blocks where chain_id = $1 and block_number < $2', [
      this.chainId,
      below.toString(),
    ]);
  }
}

async function insertEvents(tx: SqlQuerier, chainId: number, events: readonly IndexedEvent[]): Promise<void> {
  const rows = events.map((e) => ({
    b: e.blockNumber.toString(),
    l: e.logIndex,
    bh: e.blockHash,
    th: e.txHash,
    t: e.blockTime.toString(),
    c: e.contract,
    a: e.address,
    e: e.event,
    x: e.args,
  }));
  await tx.query(
    `insert into chain_events
       (chain_id, block_number, log_index, block_hash, tx_hash, block_time, contract, address, event, args)
     select $1, r.b::bigint, r.l, r.bh, r.th, to_timestamp(r.t::bigint), r.c, r.a, r.e, r.x
       from jsonb_to_recordset($2::jsonb) as r(b text, l int, bh text, th text, t text, c text, a text, e text, x jsonb)
     on conflict (chain_id, block_number, log_index) do nothing`,
    [chainId, JSON.stringify(rows)],
  );
}
