import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, parquetSchema } from 'hyparquet';
import { ImportFileError } from './import-errors.ts';
import type { RowSource, SourceRow, TradeFormat } from './import-row.ts';

/** Rows decoded per read: bounds memory for large files (hyparquet decodes whole pages anyway). */
const CHUNK_ROWS = 10_000;

/**
 * The rows of a Parquet file with the format's columns (or their aliases), read in chunks of rows
 * through hyparquet (pure JavaScript, reads only the byte ranges it needs). Positions are row
 * indexes from 0. Only the format's columns are decoded.
 *
 * @throws ImportFileError from the iteration when the file is not Parquet or lacks a needed column.
 */
export function parquetSource(path: string, format: TradeFormat): RowSource {
  return {
    unit: 'row',
    async *rows(): AsyncGenerator<SourceRow> {
      let file;
      let metadata;
      try {
        file = await asyncBufferFromFile(path);
        metadata = await parquetMetadataAsync(file);
      } catch (error) {
        throw new ImportFileError(`${path}: not a readable Parquet file (${(error as Error).message})`, {
          cause: error,
        });
      }
      // Physical column name -> canonical name, for the columns this format reads.
      const rename = new Map<string, string>();
      for (const child of parquetSchema(metadata).children) {
        const name = child.element.name;
        const canonical = format.aliases[name] ?? name;
        if (format.columns.includes(canonical)) rename.set(name, canonical);
      }
      const missing = format.columns.filter((column) => ![...rename.values()].includes(column));
      if (missing.length > 0) {
        throw new ImportFileError(
          `${path}: no column ${missing.join(', ')} (a ${format.name} file needs ${format.columns.join(', ')})`,
        );
      }
      const total = Number(metadata.num_rows);
      for (let start = 0; start < total; start += CHUNK_ROWS) {
        const end = Math.min(total, start + CHUNK_ROWS);
        const rows = await parquetReadObjects({
          file,
          metadata,
          columns: [...rename.keys()],
          rowStart: start,
          rowEnd: end,
        });
        for (let i = 0; i < rows.length; i++) {
          const row = rows[i]!;
          const values: Record<string, unknown> = {};
          for (const [name, canonical] of rename) values[canonical] = row[name];
          yield { position: start + i, values };
        }
      }
    },
  };
}
