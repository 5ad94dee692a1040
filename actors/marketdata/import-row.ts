import { priceToTicks, sizeToLots, type MarketSpec } from '../market/index.ts';
import { ImportRowCode } from './import-errors.ts';
import type { Trade } from './types.ts';

/** A row's values by column name, as a CSV line or a Parquet row gives them. */
export type SourceValues = Readonly<Record<string, unknown>>;

/** Why a row is refused, before its position is attached. */
export interface RowProblem {
  readonly code: ImportRowCode;
  readonly message: string;
}

/** Turns one source row into a trade. Stateful per pass over a file (Bybit numbers trades per ms). */
export type RowParser = (values: SourceValues) => Trade | RowProblem;

/** A layout of trade dumps: its columns and how a row becomes a trade. */
export interface TradeFormat {
  readonly name: string;
  /** Whether its CSV files start with a header line. */
  readonly csvHeader: boolean;
  /** Column names, in CSV order for files without a header; all required. */
  readonly columns: readonly string[];
  /** Other spellings of column names (Parquet exports often use camelCase), to the canonical one. */
  readonly aliases: Readonly<Record<string, string>>;
  parser(market: MarketSpec): RowParser;
}

export function problem(code: ImportRowCode, message: string): RowProblem {
  return { code, message };
}

export function isProblem(value: Trade | RowProblem): value is RowProblem {
  return 'code' in value;
}

/**
 * A cell as text. Parquet gives numbers, bigints, booleans and dates; decimals must reach the
 * market spec as exact decimal text, so a float is written in plain notation (its shortest
 * round-trip digits, as `String` gives them, never an exponent).
 */
export function cellText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return String(value.getTime());
  if (typeof value === 'number') return Number.isFinite(value) ? plainNumber(value) : String(value);
  return undefined;
}

/** 1e-7 -> "0.0000001", 1.5e21 -> "1500000000000000000000". */
function plainNumber(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, lead, rest = '', exp] = match;
  const digits = lead! + rest;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** The named cell as text, or a MISSING_VALUE problem. */
export function required(values: SourceValues, column: string): string | RowProblem {
  const text = cellText(values[column]);
  return text === undefined || text === ''
    ? problem(ImportRowCode.MISSING_VALUE, `${column} is empty`)
    : text;
}

const SPEC_MESSAGES: Readonly<Record<string, string>> = {
  INVALID_DECIMAL: 'is not a positive decimal',
  PRICE_NOT_TICK_MULTIPLE: 'is not a multiple of the tick size',
  SIZE_NOT_LOT_MULTIPLE: 'is not a multiple of the lot size',
  PRICE_TOO_HIGH: 'is above the market maximum',
  SIZE_TOO_LARGE: 'is above the market maximum',
};

/** Decimal price -> ticks, or why not (in the market spec's words). */
export function ticks(market: MarketSpec, column: string, text: string): number | RowProblem {
  const result = priceToTicks(market, text);
  if (result.ok) return result.value;
  return problem(
    result.code,
    `${column} ${JSON.stringify(text)} ${SPEC_MESSAGES[result.code]} (tick ${market.tickSize})`,
  );
}

/** Decimal size -> lots, or why not. */
export function lots(market: MarketSpec, column: string, text: string): number | RowProblem {
  const result = sizeToLots(market, text);
  if (result.ok) return result.value;
  return problem(
    result.code,
    `${column} ${JSON.stringify(text)} ${SPEC_MESSAGES[result.code]} (lot ${market.lotSize})`,
  );
}

/** One data row of a file: its values, or why they cannot even be read (e.g. a wrong column count). */
export interface SourceRow {
  /** CSV: line number from 1; Parquet: row index from 0. */
  readonly position: number;
  readonly values?: SourceValues;
  readonly problem?: RowProblem;
}

/** A file's rows, readable once per call to `rows()` (a reject-mode import reads the file twice). */
export interface RowSource {
  readonly unit: 'line' | 'row';
  rows(): AsyncIterable<SourceRow>;
}
