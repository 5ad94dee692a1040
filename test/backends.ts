import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgDriver, servePglite } from '../actors/store/index.ts';
import { postgresUrl, randomSchemaName } from './services.ts';

/** A database for a cross-process test: its URL (and schema), and how to throw it away. */
export interface Backend {
  readonly url: string;
  readonly schema?: string;
  close(): Promise<void>;
}

/** The embedded default: PGlite in a temporary folder, served over a loopback socket. */
export async function embedded(): Promise<Backend> {
  const dir = mkdtempSync(join(tmpdir(), 'qt-crash-'));
  const served = await servePglite({ dataDir: join(dir, 'pglite') });
  return {
    url: served.url,
    close: async () => {
      await served.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Real PostgreSQL, in a fresh schema dropped afterwards. */
export async function postgres(): Promise<Backend> {
  const schema = randomSchemaName('qt_crash');
  return {
    url: postgresUrl(),
    schema,
    close: async () => {
      const driver = await createPgDriver({ url: postgresUrl(), schema });
      await driver.dropSchema();
      await driver.close();
    },
  };
}
