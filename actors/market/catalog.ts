import type { SqlQuerier } from '../store/index.ts';
import { demoMarkets } from './demo-markets.ts';
import { checkSpec } from './market-spec.ts';
import type { MarketSpec } from './market-spec.ts';

/**
 * Markets an admin created (table `markets`, migration 007), beyond the built-in demo set.
 *
 * A market created while the node runs is recorded here first and then wired at once
 * (actors/market-creation.ts); at every start the node reads this catalog, hands the specs to its
 * shard hosts (`CREATED_MARKETS_ENV`) and serves them like the demo markets.
 */
export class MarketCatalog {
  constructor(private readonly db: SqlQuerier) {}

  /** Created markets, oldest first; a row whose spec no longer checks is skipped. */
  async list(): Promise<{ spec: MarketSpec; createdAt: number; createdBy: string }[]> {
    const rows = await this.db.query<{ spec: string; created_at: string; created_by: string }>(
      `select spec::text as spec, (extract(epoch from created_at) * 1000)::bigint::text as created_at, created_by
from markets order by created_at, symbol`,
    );
    const out: { spec: MarketSpec; createdAt: number; createdBy: string }[] = [];
    for (const row of rows) {
      const spec = JSON.parse(row.spec) as MarketSpec;
      try {
        checkSpec(spec);
      } catch {
        continue;
      }
      out.push({ spec, createdAt: Number(row.created_at), createdBy: row.created_by });
    }
    return out;
  }

  /** Records a (checked) spec; false when a market of that symbol is already recorded. */
  async add(spec: MarketSpec, createdBy: string): Promise<boolean> {
    checkSpec(spec);
    const rows = await this.db.query<{ symbol: string }>(
      `insert into markets (symbol, spec, created_by) values ($1, $2::jsonb, $3)
on conflict (symbol) do nothing returning symbol`,
      [spec.symbol, JSON.stringify(spec), createdBy],
    );
    return rows.length > 0;
  }
}

/**
 * How the node hands the created markets to its forked shard hosts (they read it in kinds.ts). The
 * node updates it when an admin creates a market, so a host respawned afterwards knows it too.
 */
export const CREATED_MARKETS_ENV = 'QT_CREATED_MARKETS';

/** The created markets the node put in the environment (none when absent); bad entries are skipped. */
export function createdMarketsFromEnv(env: NodeJS.ProcessEnv = process.env): MarketSpec[] {
  const text = env[CREATED_MARKETS_ENV];
  if (!text) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return (parsed as MarketSpec[]).filter((spec) => {
    try {
      checkSpec(spec);
      return !demoMarkets.some((m) => m.symbol === spec.symbol);
    } catch {
      return false;
    }
  });
}

/** Every market a node serves: the demo set, then the created ones (demo symbols win). */
export function allMarkets(created: readonly MarketSpec[]): MarketSpec[] {
  const known = new Set(demoMarkets.map((m) => m.symbol));
  return [...demoMarkets, ...created.filter((spec) => !known.has(spec.symbol))];
}
