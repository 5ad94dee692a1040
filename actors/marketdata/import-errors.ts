/** Why an import row was refused. Codes are stable; messages are for people. */
export const ImportRowCode = {
  WRONG_COLUMN_COUNT: 'WRONG_COLUMN_COUNT',
  MISSING_VALUE: 'MISSING_VALUE',
  INVALID_TRADE_ID: 'INVALID_TRADE_ID',
  INVALID_TIME: 'INVALID_TIME',
  INVALID_SIDE: 'INVALID_SIDE',
  INVALID_DECIMAL: 'INVALID_DECIMAL',
  PRICE_NOT_TICK_MULTIPLE: 'PRICE_NOT_TICK_MULTIPLE',
  SIZE_NOT_LOT_MULTIPLE: 'SIZE_NOT_LOT_MULTIPLE',
  PRICE_TOO_HIGH: 'PRICE_TOO_HIGH',
  SIZE_TOO_LARGE: 'SIZE_TOO_LARGE',
  UNKNOWN_SYMBOL: 'UNKNOWN_SYMBOL',
  TOO_MANY_TRADES_PER_MS: 'TOO_MANY_TRADES_PER_MS',
} as const;
export type ImportRowCode = (typeof ImportRowCode)[keyof typeof ImportRowCode];

/** A refused row: `line` (1-based) in a CSV file, `row` (0-based row index) in a Parquet file. */
export interface ImportRowError {
  readonly line?: number;
  readonly row?: number;
  readonly code: ImportRowCode;
  readonly message: string;
}

/** Where a row error is, in words: "line 7" or "row 6". */
export function rowLabel(error: ImportRowError): string {
  return error.line !== undefined ? `line ${error.line}` : `row ${error.row}`;
}

/** The file as a whole cannot be imported (missing columns, unreadable file, unknown market). */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
  readonly code = 'IMPORT_FILE_INVALID';
}

/**
 * `onError: 'reject'` and the file has bad rows: nothing was written. `errors` holds the first
 * ones (see `maxReportedErrors`), `errorCount` all of them.
 */
export class ImportRejectedError extends Error {
  override name = 'ImportRejectedError';
  readonly code = 'IMPORT_REJECTED';

  constructor(
    readonly errors: readonly ImportRowError[],
    readonly errorCount: number,
  ) {
    const first = errors[0];
    super(
      `import rejected: ${errorCount} bad row(s), nothing written` +
        (first ? `; first at ${rowLabel(first)}: ${first.message}` : ''),
    );
  }
}
