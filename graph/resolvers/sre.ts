import { requireOperator } from '../authorization.ts';
import type { GraphContext } from '../context.ts';
import { ErrorCode, graphError } from '../errors.ts';
import type {
  ActorFailure,
  ActorInfo,
  ActorStatus,
  ActorTree,
  Resolvers,
  ShardHost,
  SreVerb,
  SupervisorInfo,
} from '../generated/resolvers.ts';
import { adminOf, checkReason, jsonText, run } from './admin.ts';

/**
 * The SRE surface: the live actor tree, typed (node -> shard host -> actor), and the SRE verbs
 * (inspect, pause, resume, restart, snapshot). Role `sre` or `admin` with a session that passed
 * MFA (`requireOperator`); every verb carries a reason and goes through the audited admin path,
 * whose `roleAuthorizer` decides again what the role may do.
 */

/** The node's own routes (same origin as /graphql), linked from the SRE page. */
export const METRICS_PATH = '/metrics';
export const HEALTH_PATH = '/healthz';

export const MAX_TREE_LIMIT = 5_000;
const MAX_SEARCH = 200;

const STATUSES: Readonly<Record<string, ActorStatus>> = {
  starting: 'STARTING',
  running: 'RUNNING',
  paused: 'PAUSED',
  frozen: 'FROZEN',
  restarting: 'RESTARTING',
  failed: 'FAILED',
  stopped: 'STOPPED',
};

const VERBS: Readonly<Record<SreVerb, string>> = {
  INSPECT: 'inspect',
  PAUSE: 'pause',
  RESUME: 'resume',
  RESTART: 'restart',
  SNAPSHOT: 'snapshot',
};

type Json = Readonly<Record<string, unknown>>;

const record = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});
const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const int = (value: unknown): number => Math.min(2_147_483_647, Math.max(0, Math.trunc(num(value))));
const text = (value: unknown): string => (typeof value === 'string' ? value : String(value ?? ''));

function failure(value: unknown): ActorFailure | null {
  if (value == null) return null;
  const f = record(value);
  return { at: num(f['at']), message: text(f['message']) };
}

/** One actor of the runtime's `ActorInfo` (plain JSON from a shard host) as the schema's. */
export function toActorInfo(value: unknown): ActorInfo {
  const a = record(value);
  const latency = record(a['latency']);
  const seq = a['seq'];
  return {
    address: text(a['address']),
    kind: text(a['kind']),
    status: STATUSES[text(a['status'])] ?? 'FAILED',
    seq: typeof seq === 'number' || typeof seq === 'bigint' || typeof seq === 'string' ? String(seq) : '0',
    mailboxDepth: int(a['mailboxDepth']),
    msgsPerSec: num(a['msgsPerSec']),
    processed: num(a['processed']),
    rejected: num(a['rejected']),
    latency: {
      count: num(latency['count']),
      p50Us: num(latency['p50Us']),
      p99Us: num(latency['p99Us']),
      meanUs: num(latency['meanUs']),
    },
    restarts: int(a['restarts']),
    lastError: failure(a['lastError']),
  };
}

function toSupervisor(value: unknown): SupervisorInfo {
  const s = record(value);
  return {
    name: text(s['name']),
    children: int(s['children']),
    restarts: int(s['restarts']),
    lastError: failure(s['lastError']),
  };
}

/** Does the actor's address or kind contain `search` (already lower-cased)? */
export function matches(actor: Pick<ActorInfo, 'address' | 'kind'>, search: string): boolean {
  return (
    search === '' || actor.address.toLowerCase().includes(search) || actor.kind.toLowerCase().includes(search)
  );
}

/**
 * The runtime's tree as the schema's `ActorTree`: a node's `NodeTree` (ShardHosts.tree) or one
 * host's `HostTree` (an in-process ActorSystem), filtered by `search`, at most `limit` actors in
 * all, each host's actors sorted by address.
 */
export function toActorTree(
  raw: unknown,
  { search = '', limit = MAX_TREE_LIMIT, at = Date.now() }: { search?: string; limit?: number; at?: number },
): ActorTree {
  const tree = record(raw);
  const hostsRaw: readonly unknown[] = Array.isArray(tree['hosts']) ? tree['hosts'] : [tree];
  const needle = search.trim().toLowerCase();
  let matched = 0;
  let left = limit;
  const hosts: ShardHost[] = hostsRaw.map((value) => {
    const h = record(value);
    const all: readonly unknown[] = Array.isArray(h['actors']) ? h['actors'] : [];
    const found = all
      .map(toActorInfo)
      .filter((a) => matches(a, needle))
      .sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
    matched += found.length;
    const actors = found.slice(0, Math.max(0, left));
    left -= actors.length;
    const down = h['down'];
    return {
      host: text(h['host']),
      pid: typeof h['pid'] === 'number' ? h['pid'] : null,
      down: down == null ? null : text(down),
      deadLetters: num(h['deadLetters']),
      supervisors: Array.isArray(h['supervisors']) ? h['supervisors'].map(toSupervisor) : [],
      actors,
      actorCount: all.length,
    };
  });
  return {
    node: typeof tree['node'] === 'string' ? tree['node'] : 'local',
    at,
    hosts,
    matched,
    truncated: matched > limit,
    metricsUrl: METRICS_PATH,
    healthUrl: HEALTH_PATH,
  };
}

async function readTree(ctx: GraphContext, search = '', limit = MAX_TREE_LIMIT): Promise<ActorTree> {
  const { admin } = adminOf(ctx, requireOperator);
  return toActorTree(await admin.tree(), { search, limit, at: ctx.services.now() });
}

/** The actor at `address` as the tree shows it now, or null when no host has it loaded. */
async function loadedActor(ctx: GraphContext, address: string): Promise<ActorInfo | null> {
  const tree = await readTree(ctx, address);
  for (const host of tree.hosts) {
    const actor = host.actors.find((a) => a.address === address);
    if (actor) return actor;
  }
  return null;
}

export const sreResolvers: Resolvers = {
  Query: {
    actorTreeView: async (_root, { search, limit }, ctx) => {
      requireOperator(ctx);
      const n = limit ?? 1_000;
      if (!Number.isInteger(n) || n < 1 || n > MAX_TREE_LIMIT) {
        throw graphError(ErrorCode.BAD_USER_INPUT, `limit must be 1 to ${MAX_TREE_LIMIT}`, {
          field: 'limit',
        });
      }
      if (search != null && search.length > MAX_SEARCH) {
        throw graphError(ErrorCode.BAD_USER_INPUT, `search must be at most ${MAX_SEARCH} characters`, {
          field: 'search',
        });
      }
      return readTree(ctx, search ?? '', n);
    },
  },
  Mutation: {
    sreCommand: async (_root, { input }, ctx) => {
      requireOperator(ctx);
      const reason = checkReason(input.reason);
      const verb = VERBS[input.verb];
      if (!verb) throw graphError(ErrorCode.BAD_USER_INPUT, 'unknown SRE verb', { field: 'verb' });
      const target = input.target.trim();
      if (target.length === 0 || target.length > MAX_SEARCH) {
        throw graphError(ErrorCode.BAD_USER_INPUT, 'target must be an actor address', { field: 'target' });
      }
      // Nursing an actor that is not loaded would load it: refuse instead (inspect may load it).
      if (input.verb !== 'INSPECT' && !(await loadedActor(ctx, target))) {
        throw graphError(ErrorCode.NOT_FOUND, `no actor ${target} is loaded on this node`, {
          field: 'target',
        });
      }
      const result = await run(ctx, { verb, target, reason }, requireOperator);
      return {
        ok: true,
        verb: input.verb,
        target,
        actor: await loadedActor(ctx, target),
        reply: jsonText(result),
      };
    },
  },
};
