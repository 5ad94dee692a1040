import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { ImportFileError, ImportRowCode } from './import-errors.ts';
import { problem, type RowSource, type SourceRow, type TradeFormat } from './import-row.ts';

/** A header cell, as a column name: quotes and a byte-order mark removed. */
function columnName(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^"(.*)"$/, '$1');
}

/**
 * The rows of a trade dump CSV, streamed line by line (a `.gz` file is gunzipped on the way), so a
 * file of any size takes little memory. Cells are split on commas: neither dump quotes its values.
 * A headerless format (Binance) maps cells to its columns by position, and a first line that
 * starts with a letter is taken as a header and skipped; a format with a header (Bybit) finds its
 * columns by name. Blank lines are ignored.
 *
 * @throws ImportFileError from the iteration when the header lacks a column the format needs.
 */
export function csvSource(path: string, format: TradeFormat): RowSource {
  return {
    unit: 'line',
    async *rows(): AsyncGenerator<SourceRow> {
      const stream = createReadStream(path);
      const input = path.endsWith('.gz') ? stream.pipe(createGunzip()) : stream;
      const lines = createInterface({ input, crlfDelay: Infinity });
      let names: readonly string[] | undefined = format.csvHeader ? undefined : format.columns;
      let line = 0;
      try {
        for await (const text of lines) {
          line++;
          if (text.trim() === '') continue;
          const cells = text.split(',');
          if (names === undefined || (line === 1 && /^\uFEFF?"?[A-Za-z]/.test(text) && !format.csvHeader)) {
            names = header(cells, format, path);
            continue;
          }
          if (cells.length !== names.length) {
            yield {
              position: line,
              problem: problem(
                ImportRowCode.WRONG_COLUMN_COUNT,
                `${cells.length} columns, expected ${names.length}`,
              ),
            };
            continue;
          }
          const values: Record<string, string> = {};
          for (let i = 0; i < names.length; i++) values[names[i]!] = cells[i]!;
          yield { position: line, values };
        }
      } finally {
        lines.close();
        stream.destroy();
      }
    },
  };
}

/** Column names of a header line, canonical spellings; every column the format needs must be there. */
function header(cells: readonly string[], format: TradeFormat, path: string): string[] {
  const names = cells.map((cell) => {
    const name = columnName(cell);
    return format.aliases[name] ?? name;
  });
  const missing = format.columns.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    throw new ImportFileError(
      `${path}: header lacks ${missing.join(', ')} (a ${format.name} file needs ${format.columns.join(', ')})`,
    );
  }
  return names;
}
