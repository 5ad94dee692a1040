import { readdir, readFile } from 'node:fs/promises';
import { MigrationError, StoreError } from './errors.ts';
import type { SqlDriver, SqlQuerier } from './sql-driver.ts';

/** Where the numbered `.sql` files live, next to this module. */
const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const FILE_NAME = /^(\d+)_([a-z0-9_]+)\.sql$/;
/** First half of the advisory lock key ("QTRM"); the second half is the schema's hash. */
const LOCK_KEY = 0x5154524d;

const BOOTSTRAP = `create table if not exists schema_migrations (
  version int primary key,
  name text not null,
  applied_at timestamptz not null default now()
)`;

export interface MigrateOptions {
  /** Folder of `NNN_name.sql` files (a `file:` URL ending in `/`). Default: the bundled `migrations/`. */
  readonly directory?: URL;
}

export interface MigrateResult {
  /** Files applied by this call, in order, e.g. `['001_journal.sql']`; empty when already current. */
  readonly applied: readonly string[];
}

interface Migration {
  readonly version: number;
  readonly file: string;
}

/**
 * Brings the schema (the driver's `search_path`) up to date with `migrations/NNN_name.sql`.
 *
 * Each file runs in its own transaction together with its `schema_migrations` row, so a failure
 * leaves the database at the last file that applied. Every transaction first takes a transaction
 * advisory lock keyed by the schema, so concurrent migrators (several processes starting at once)
 * apply each file exactly once; running again when current is a no-op. Migrations of different
 * schemas do not wait for each other.
 *
 * @throws MigrationError when a file name is malformed, two files share a version, or a file's SQL fails.
 * @throws StoreUnavailableError when the database cannot be reached (retryable).
 */
export async function migrate(driver: SqlDriver, options: MigrateOptions = {}): Promise<MigrateResult> {
  const directory = options.directory ?? MIGRATIONS_DIR;
  const migrations = await listMigrations(directory);
  const done = await driver.transaction(async (tx) => {
    await lock(tx);
    await tx.exec(BOOTSTRAP);
    const rows = await tx.query<{ version: number }>('select version from schema_migrations');
    return new Set(rows.map((row) => Number(row.version)));
  });
  const applied: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    if (await apply(driver, directory, migration)) applied.push(migration.file);
  }
  return { applied };
}

/** Applies one file unless a concurrent migrator did while we waited for the lock. */
async function apply(driver: SqlDriver, directory: URL, migration: Migration): Promise<boolean> {
  const sql = await readFile(new URL(migration.file, directory), 'utf8');
  try {
    return await driver.transaction(async (tx) => {
      await lock(tx);
      const found = await tx.query('select 1 from schema_migrations where version = $1', [migration.version]);
      if (found.length > 0) return false;
      await tx.exec(sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [
        migration.version,
        migration.file,
      ]);
      return true;
    });
  } catch (error) {
    if (error instanceof StoreError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(migration.file, `migration ${migration.file} failed: ${reason}`, {
      cause: error,
    });
  }
}

async function lock(tx: SqlQuerier): Promise<void> {
  // coalesce: current_schema() is null when no schema on the search_path exists yet.
  await tx.query(`select pg_advisory_xact_lock($1::int, hashtext(coalesce(current_schema(), '')))`, [
    LOCK_KEY,
  ]);
}

async function listMigrations(directory: URL): Promise<Migration[]> {
  const files = (await readdir(directory)).filter((file) => file.endsWith('.sql')).sort();
  const byVersion = new Map<number, Migration>();
  for (const file of files) {
    const match = FILE_NAME.exec(file);
    if (!match) throw new MigrationError(file, `migration file ${file} is not named NNN_lower_case_name.sql`);
    const version = Number(match[1]);
    const clash = byVersion.get(version);
    if (clash)
      throw new MigrationError(file, `migrations ${clash.file} and ${file} share version ${version}`);
    byVersion.set(version, { version, file });
  }
  return [...byVersion.values()].sort((a, b) => a.version - b.version);
}
