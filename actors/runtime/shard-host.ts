import { pathToFileURL } from 'node:url';
import type { Registry } from 'prom-client';
import type { AuditLog, Journal, Projection, SqlDriver } from '../store/index.ts';
import {
  createPgDriver,
  decodeValue,
  encodeValue,
  MemoryJournal,
  SqlAuditLog,
  SqlJournal,
} from '../store/index.ts';
import type { AdminCommand, Principal } from './admin.ts';
import { ActorError, describe } from './errors.ts';
import type { ActorErrorJSON } from './errors.ts';
import type { HostTree } from './introspection.ts';
import { createRuntimeRegistry } from './prometheus.ts';
import type { SystemLimits } from './system.ts';
import { ActorSystem } from './system.ts';

/**
 * A shard host: one forked process (started and respawned by comedy) running an ActorSystem for
 * its share of the addresses. comedy only carries the calls below over the fork's IPC channel;
 * actor semantics (serial mailbox, journal, supervision) are ours. Answers are encoded with the
 * store codec (bigints survive) and errors travel as `ActorErrorJSON`.
 */

export interface ShardHostParams {
  readonly host: string;
  /** PostgreSQL URL (real, or the node's PGlite socket); null keeps the journal in memory (tests). */
  readonly databaseUrl: string | null;
  readonly databaseSchema?: string;
  /**
   * Absolute path of a module exporting `register(system: ActorSystem): void`, and optionally
   * `projections` (read models the journal writes in the same transaction as the events), and
   * `hostCalls`: functions the node calls on every host (`ShardHosts.broadcast`), by name.
   */
  readonly kindsModule: string;
  readonly limits?: Partial<SystemLimits>;
  readonly passivationSweepMs?: number;
}

/** Functions a kinds module offers the node on every host, by name (`ShardHosts.broadcast`). */
export type HostCalls = Readonly<Record<string, (payload: unknown) => unknown>>;

export type HostAnswer =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: ActorErrorJSON };

/** The part of comedy's actor handle the host uses. */
interface ComedySelf {
  getCustomParameters(): ShardHostParams;
}

/** Exit code when the root supervisor escalates: the process dies and comedy respawns it. */
export const ESCALATION_EXIT_CODE = 70;

export default class ShardHost {
  private system: ActorSystem | undefined;
  private driver: SqlDriver | undefined;
  private registry: Registry | undefined;
  private calls: HostCalls = {};

  async initialize(self: ComedySelf): Promise<void> {
    // A host never outlives its node: when the IPC channel to the parent closes (node stopped or
    // killed), exit instead of lingering as an orphan holding database connections.
    process.once('disconnect', () => process.exit(0));
    const params = self.getCustomParameters();
    const kinds = (await import(pathToFileURL(params.kindsModule).href)) as {
      register(system: ActorSystem): void;
      projections?: readonly Projection[];
      hostCalls?: HostCalls;
    };
    this.calls = kinds.hostCalls ?? {};
    let journal: Journal;
    let audit: AuditLog | undefined;
    let maxInFlightBatches = 1;
    if (params.databaseUrl) {
      this.driver = await createPgDriver({
        url: params.databaseUrl,
        ...(params.databaseSchema ? { schema: params.databaseSchema } : {}),
      });
      journal = new SqlJournal(this.driver, { projections: kinds.projections ?? [] });
      audit = new SqlAuditLog(this.driver);
      // Pipeline journal batches over the pool (10 connections), leaving room for reads.
      maxInFlightBatches = 4;
    } else {
      journal = new MemoryJournal();
    }
    const system = new ActorSystem({
      name: params.host,
      journal,
      maxInFlightBatches,
      ...(audit ? { audit } : {}),
      ...(params.limits ? { limits: params.limits } : {}),
      ...(params.passivationSweepMs ? { passivationSweepMs: params.passivationSweepMs } : {}),
      onEscalate: () => process.exit(ESCALATION_EXIT_CODE),
    });
    kinds.register(system);
    this.system = system;
    this.registry = createRuntimeRegistry(system);
  }

  async deliver(envelope: unknown, trusted = false): Promise<HostAnswer> {
    return answer(() => this.ready().deliver(envelope, { trusted: trusted === true }));
  }

  async admin(principal: Principal, command: AdminCommand): Promise<HostAnswer> {
    return answer(() => this.ready().admin(principal, command));
  }

  /** A call of the kinds module's `hostCalls` (the node's, over IPC: never an outside caller's). */
  async hostCall(name: string, payload: unknown): Promise<HostAnswer> {
    return answer(async () => {
      this.ready();
      const call = Object.hasOwn(this.calls, name) ? this.calls[name] : undefined;
      if (!call) throw new Error(`no host call "${name}"`);
      return call(payload);
    });
  }

  async tree(): Promise<HostTree> {
    return this.ready().tree();
  }

  /** Metrics as prom-client JSON, for the node to aggregate. */
  async metrics(): Promise<unknown> {
    return this.registry!.getMetricsAsJSON();
  }

  async pid(): Promise<number> {
    return process.pid;
  }

  async destroy(): Promise<void> {
    await this.system?.stop();
    await this.driver?.close();
  }

  private ready(): ActorSystem {
    if (!this.system) throw new Error('shard host not initialised');
    return this.system;
  }
}

async function answer(run: () => Promise<unknown>): Promise<HostAnswer> {
  try {
    return { ok: true, value: encodeValue(await run()) };
  } catch (error) {
    if (error instanceof ActorError) return { ok: false, error: error.toJSON() };
    return {
      ok: false,
      error: { name: 'Error', code: 'HANDLER_FAILED', message: describe(error), retryable: false },
    };
  }
}

/** Node side: turn a host's answer back into a value or a typed error. */
export function unwrapAnswer(result: HostAnswer): unknown {
  if (result.ok) return decodeValue(result.value);
  throw ActorError.fromJSON(result.error);
}
