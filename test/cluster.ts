import { resolve } from 'node:path';
import { ActorError, ShardHosts } from '../actors/runtime/index.ts';
import type { Envelope } from '../actors/runtime/index.ts';
import type { SqlDriver } from '../actors/store/index.ts';
import { createPgDriver, migrate } from '../actors/store/index.ts';
import type { Backend } from './backends.ts';

/** Two forked shard hosts over a migrated database, as a node runs them. */
export interface TestCluster {
  readonly hosts: ShardHosts;
  /** A direct connection, for checking what the journal holds. */
  readonly driver: SqlDriver;
  stop(): Promise<void>;
}

export async function startCluster(
  backend: Backend,
  node: string,
  kindsModule: string,
): Promise<TestCluster> {
  const schema = backend.schema ? { schema: backend.schema } : {};
  const driver = await createPgDriver({ url: backend.url, ...schema });
  await migrate(driver);
  const hosts = await ShardHosts.start({
    node,
    shards: 2,
    kindsModule: resolve(kindsModule),
    databaseUrl: backend.url,
    ...(backend.schema ? { databaseSchema: backend.schema } : {}),
    limits: { askTimeoutMs: 2_000 },
  });
  return {
    hosts,
    driver,
    stop: async () => {
      await hosts.stop();
      await driver.close();
    },
  };
}

/**
 * Delivers until acknowledged, as a client does across a host crash: a retryable error (host
 * down, respawning, timed out) means "send the same message, same id, again".
 */
export async function deliverUntilAcknowledged(
  hosts: ShardHosts,
  envelope: Envelope,
  onRetry: () => void = () => undefined,
): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await hosts.deliver(envelope, { trusted: true });
    } catch (error) {
      if (!(error instanceof ActorError) || !error.retryable || attempt > 200) throw error;
      onRetry();
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
