import comedy from 'comedy';
import { register as registerTsx } from 'tsx/cjs/api';
import type { ActorRef as ComedyRef, ActorSystem as ComedySystem } from 'comedy';
import type { Registry } from 'prom-client';
import { AggregatorRegistry } from 'prom-client';
import { parseAddress, shardOf } from './address.ts';
import type { AdminCommand, Principal } from './admin.ts';
import { parseEnvelope } from './envelope.ts';
import { HostUnavailableError } from './errors.ts';
import type { HostTree, NodeTree } from './introspection.ts';
import type { HostAnswer, ShardHostParams } from './shard-host.ts';
import { unwrapAnswer } from './shard-host.ts';
import type { SystemLimits } from './system.ts';
import { defaultLimits } from './system.ts';

/** comedy loads the host module by a path relative to the project root (leading slash). */
const SHARD_HOST_MODULE = '/actors/runtime/shard-host.ts';

export interface ShardHostsOptions {
  /** Node id, the root of the tree. */
  readonly node: string;
  readonly shards: number;
  readonly kindsModule: string;
  readonly databaseUrl: string | null;
  readonly databaseSchema?: string;
  readonly limits?: Partial<SystemLimits>;
  readonly passivationSweepMs?: number;
}

/**
 * The node's side of its shard hosts: comedy forks one process per shard (`onCrash: 'respawn'`),
 * and every address is routed to `shardOf(address)`. Calls to a host that is down (crashed,
 * respawning) fail with the retryable `HostUnavailableError`; a retry with the same message id
 * is safe because commands are idempotent.
 */
export class ShardHosts {
  #stopped = false;

  private constructor(
    private readonly options: ShardHostsOptions,
    private readonly comedySystem: ComedySystem,
    private readonly hosts: readonly ComedyRef[],
    private readonly limits: SystemLimits,
  ) {}

  static async start(options: ShardHostsOptions): Promise<ShardHosts> {
    ensureTypeScriptLoader();
    // Programmatic config (no actors.json lookup) and comedy's own chatter silenced, then its
    // errors (failed respawns) let through again.
    const system = comedy.createSystem({ config: {}, test: true });
    system.getLog().setLevel(system.getLog().levels().Error);
    // comedy exits the process on SIGINT/SIGTERM; the node shuts down in order itself (hosts, then
    // the embedded database), so take comedy's handlers off.
    const handlers = system as unknown as { sigintHandler?: () => void; sigtermHandler?: () => void };
    if (handlers.sigintHandler) process.removeListener('SIGINT', handlers.sigintHandler);
    if (handlers.sigtermHandler) process.removeListener('SIGTERM', handlers.sigtermHandler);
    const root = await system.rootActor();
    const hosts = await Promise.all(
      Array.from({ length: options.shards }, (_, i) => {
        const params: ShardHostParams = {
          host: `shard-${i}`,
          databaseUrl: options.databaseUrl,
          kindsModule: options.kindsModule,
          ...(options.databaseSchema ? { databaseSchema: options.databaseSchema } : {}),
          ...(options.limits ? { limits: options.limits } : {}),
          ...(options.passivationSweepMs ? { passivationSweepMs: options.passivationSweepMs } : {}),
        };
        return root.createChild(SHARD_HOST_MODULE, {
          name: `shard-${i}`,
          mode: 'forked',
          onCrash: 'respawn',
          customParameters: params,
        });
      }),
    );
    return new ShardHosts(options, system, hosts, { ...defaultLimits, ...options.limits });
  }

  get size(): number {
    return this.hosts.length;
  }

  /**
   * Validates an envelope and asks the actor on its shard. Untrusted unless `trusted` (the
   * exchange's own components: settlement, custody), which may send internal messages.
   */
  async deliver(raw: unknown, options: { trusted?: boolean } = {}): Promise<unknown> {
    const envelope = parseEnvelope(
      raw,
      options.trusted ? this.limits.maxTrustedMessageBytes : this.limits.maxMessageBytes,
    );
    parseAddress(envelope.address);
    const shard = shardOf(envelope.address, this.hosts.length);
    const waitMs = (envelope.timeoutMs ?? this.limits.askTimeoutMs) + 1_000;
    return unwrapAnswer(
      await this.call<HostAnswer>(shard, waitMs, 'deliver', envelope, options.trusted === true),
    );
  }

  async admin(principal: Principal, command: AdminCommand): Promise<unknown> {
    const shard = shardOf(command.target, this.hosts.length);
    return unwrapAnswer(
      await this.call<HostAnswer>(shard, this.limits.askTimeoutMs, 'admin', principal, command),
    );
  }

  /**
   * Runs the kinds module's `hostCalls[name](payload)` on every host (actors/kinds.ts: the node
   * telling its hosts something, e.g. a market an admin created). Calls must be idempotent: a host
   * that is down, respawning or slow is called again every `retryMs` until it answers, and that
   * goes on in the background after `waitMs`. Resolves once every host answered or `waitMs`
   * passed, with each answer (undefined: not yet) and the hosts still pending; rejects when a host
   * answers with an error (that call is not retried: the host refused it).
   */
  async broadcast(
    name: string,
    payload: unknown,
    { waitMs = 10_000, retryMs = 250 }: { waitMs?: number; retryMs?: number } = {},
  ): Promise<{ answers: unknown[]; pending: string[] }> {
    const answers: unknown[] = this.hosts.map(() => undefined);
    const done = this.hosts.map(() => false);
    const reach = async (shard: number): Promise<void> => {
      for (;;) {
        try {
          const answer = await this.call<HostAnswer>(
            shard,
            this.limits.askTimeoutMs,
            'hostCall',
            name,
            payload,
          );
          answers[shard] = unwrapAnswer(answer);
          done[shard] = true;
          return;
        } catch (error) {
          if (!(error instanceof HostUnavailableError) || this.#stopped) throw error;
          await new Promise((resolve) => setTimeout(resolve, retryMs));
        }
      }
    };
    const all = Promise.all(this.hosts.map((_, i) => reach(i)));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, waitMs);
    });
    try {
      await Promise.race([all, timeout]);
    } finally {
      clearTimeout(timer);
    }
    // Still retrying in the background: a refusal that comes later has no one to tell.
    all.catch(() => undefined);
    return {
      answers,
      pending: this.hosts.flatMap((_, i) => (done[i] ? [] : [`shard-${i}`])),
    };
  }

  /** node -> shard host -> actor; a host that does not answer shows as down with the reason. */
  async tree(): Promise<NodeTree> {
    const hosts = await Promise.all(
      this.hosts.map((_, i) =>
        this.call<HostTree>(i, 2_000, 'tree').catch((error: unknown) => ({
          host: `shard-${i}`,
          down: error instanceof Error ? error.message : String(error),
        })),
      ),
    );
    return { node: this.options.node, hosts };
  }

  /** Prometheus metrics of every host that answers, merged (series stay apart by their host label). */
  async registry(): Promise<Registry> {
    const all = await Promise.all(
      this.hosts.map((_, i) => this.call<object>(i, 2_000, 'metrics').catch(() => null)),
    );
    return AggregatorRegistry.aggregate(all.filter((m): m is object => m !== null) as never);
  }

  /**
   * Which hosts answer, by a ping (their pid), not by the whole actor tree: a health check must
   * stay cheap however many actors a host holds.
   */
  async health(): Promise<{ node: string; hosts: { host: string; up: boolean }[] }> {
    const hosts = await Promise.all(
      this.hosts.map((_, i) =>
        this.call<number>(i, 2_000, 'pid').then(
          () => ({ host: `shard-${i}`, up: true }),
          () => ({ host: `shard-${i}`, up: false }),
        ),
      ),
    );
    return { node: this.options.node, hosts };
  }

  /** Process ids of the hosts (tests kill them to prove respawn and recovery). */
  pids(): Promise<number[]> {
    return Promise.all(this.hosts.map((_, i) => this.call<number>(i, 2_000, 'pid')));
  }

  shardOf(address: string): number {
    return shardOf(address, this.hosts.length);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await this.comedySystem.destroy();
  }

  private call<T>(shard: number, waitMs: number, topic: string, ...args: unknown[]): Promise<T> {
    const host = this.hosts[shard]!;
    const name = `shard-${shard}`;
    if (host.getState() !== 'ready') return Promise.reject(new HostUnavailableError(name, host.getState()));
    return new Promise<T>((resolve, reject) => {
      // comedy does not answer calls that were in flight when the host died: bound the wait.
      const timer = setTimeout(
        () => reject(new HostUnavailableError(name, `no answer in ${waitMs} ms`)),
        waitMs,
      );
      host.sendAndReceive(topic, ...args).then(
        (value: T) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(new HostUnavailableError(name, error));
        },
      );
    });
  }
}

/**
 * comedy `require`s the host module here (to read its name) and again in each fork, which it starts
 * with this process's `execArgv`. The module is TypeScript: when this process did not start with
 * the tsx loader (vitest, say), register tsx's require hook here and hand the loader to the forks.
 */
function ensureTypeScriptLoader(): void {
  const hasTsx = (args: string) => /--(import|loader)[= ]tsx\b/.test(args);
  if (hasTsx(process.execArgv.join(' ')) || hasTsx(process.env['NODE_OPTIONS'] ?? '')) return;
  registerTsx();
  process.env['NODE_OPTIONS'] = `${process.env['NODE_OPTIONS'] ?? ''} --import tsx`.trim();
}
