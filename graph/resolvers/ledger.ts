import type { LedgerEntry, LedgerReadModel } from '../../actors/account/index.ts';
import { requireScope } from '../authorization.ts';
import { checkFirst, decodeCursor, encodeCursor } from '../connection.ts';
import type { Connection } from '../connection.ts';
import type { GraphContext } from '../context.ts';
import { badInput, ErrorCode, graphError } from '../errors.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import type { SettledFillModel } from '../models.ts';
import { amountOf } from '../units.ts';

export const MAX_LEDGER_PAGE = 500;
export const MAX_FILLS_PAGE = 100;
/** History pages (of 500 entries) one fills query reads at most before it answers what it found. */
const MAX_SCAN_PAGES = 20;
const FILL_TX = /^fill:([A-Za-z0-9._-]{1,40}):(\d{1,16}):(maker|taker)$/;

function ledgerOf(ctx: GraphContext): LedgerReadModel {
  const ledger = ctx.services.ledger;
  if (!ledger)
    throw graphError(ErrorCode.UNAVAILABLE, 'The ledger history is not connected to this gateway.');
  return ledger;
}

/** The read model's own cursor for "entries before id" (its keyset is the entry id). */
function before(id: number): string {
  return Buffer.from(`h:${id}`).toString('base64url');
}

async function history(ledger: LedgerReadModel, account: number, limit: number, beforeId?: number) {
  try {
    return await ledger.history(account, {
      limit,
      ...(beforeId !== undefined ? { before: before(beforeId) } : {}),
    });
  } catch (error) {
    if (error instanceof RangeError) throw badInput('after: not a cursor of this list', 'after');
    throw error;
  }
}

/** One fill transaction's postings to the account: what left the hold, what was credited. */
function settledFill(ctx: GraphContext, entries: readonly LedgerEntry[]): SettledFillModel | undefined {
  const match = FILL_TX.exec(entries[0]!.txId);
  const paid = entries.find((e) => e.account === 'locked' && e.amount < 0n);
  const received = entries.find((e) => e.account === 'available' && e.amount >= 0n);
  const spec = match ? ctx.services.markets.get(match[1]!) : undefined;
  if (!match || !paid || !received || !spec) return undefined;
  return {
    id: entries[0]!.txId,
    market: match[1]!,
    seq: Number(match[2]),
    side: received.asset === spec.base ? 'BUY' : 'SELL',
    liquidity: match[3] === 'maker' ? 'MAKER' : 'TAKER',
    paid: { asset: paid.asset, amount: -paid.amount },
    received: { asset: received.asset, amount: received.amount },
    time: entries[0]!.createdAt,
  };
}

/**
 * The account's ledger (LedgerReadModel): postings as a keyset-paged connection, and settled fills
 * rebuilt from the postings of kind `fill` (one transaction per fill and side, its postings
 * consecutive in the account's history).
 */
export const ledgerResolvers: Resolvers = {
  Query: {
    ledgerEntries: async (_root, { first, after }, ctx) => {
      const { account } = requireScope(ctx, 'read');
      const limit = checkFirst(first, MAX_LEDGER_PAGE, 50);
      const afterId = after ? decodeCursor('l', after) : undefined;
      const page = await history(ledgerOf(ctx), account, limit, afterId);
      const edges = page.entries.map((node) => ({ cursor: encodeCursor('l', Number(node.id)), node }));
      return {
        edges,
        pageInfo: {
          hasNextPage: page.nextCursor !== null,
          hasPreviousPage: afterId !== undefined,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
      };
    },
    fills: async (_root, { market, first, after }, ctx) => {
      const { account } = requireScope(ctx, 'read');
      const limit = checkFirst(first, MAX_FILLS_PAGE, 50);
      const ledger = ledgerOf(ctx);
      const afterId = after ? decodeCursor('f', after) : undefined;
      const found: { fill: SettledFillModel; lowest: number }[] = [];
      let group: LedgerEntry[] = [];
      let beforeId = afterId;
      let more = false;
      const close = () => {
        const fill = group.length > 0 ? settledFill(ctx, group) : undefined;
        if (fill && (market == null || fill.market === market))
          found.push({ fill, lowest: Number(group.at(-1)!.id) });
        group = [];
      };
      for (let pages = 0; pages < MAX_SCAN_PAGES && found.length <= limit; pages++) {
        const page = await history(ledger, account, MAX_LEDGER_PAGE, beforeId);
        for (const entry of page.entries) {
          if (entry.kind !== 'fill') continue;
          if (group.length > 0 && group[0]!.txId !== entry.txId) close();
          group.push(entry);
        }
        more = page.nextCursor !== null;
        if (!more) break;
        // The group in progress may continue on the next page: read on from its start.
        beforeId = group.length > 0 ? Number(group[0]!.id) + 1 : Number(page.entries.at(-1)!.id);
        group = [];
      }
      if (!more) close();
      const edges = found
        .slice(0, limit)
        .map(({ fill, lowest }) => ({ cursor: encodeCursor('f', lowest), node: fill }));
      const connection: Connection<SettledFillModel> = {
        edges,
        pageInfo: {
          hasNextPage: found.length > limit || more,
          hasPreviousPage: afterId !== undefined,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
      };
      return connection;
    },
  },
  LedgerEntry: {
    id: (e) => e.id.toString(),
    bucket: (e) => e.account,
    amount: (e) => amountOf(e.asset, e.amount),
    time: (e) => e.createdAt,
  },
  SettledFill: {
    seq: (f) => String(f.seq),
  },
  Amount: {
    amount: (a) => amountOf(a.asset, a.amount),
  },
};
