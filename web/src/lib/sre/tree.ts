import { gql } from '$lib/api/client.ts';

/**
 * The SRE page's data: the live actor tree (node -> shard host -> actor) from the gateway's
 * `actorTreeView`, and the audited SRE verbs (`sreCommand`). Role `sre` or `admin` with a session
 * that passed MFA; the gateway refuses anything else with FORBIDDEN.
 */

export type ActorStatus = 'STARTING' | 'RUNNING' | 'PAUSED' | 'FROZEN' | 'RESTARTING' | 'FAILED' | 'STOPPED';
export type SreVerb = 'INSPECT' | 'PAUSE' | 'RESUME' | 'RESTART' | 'SNAPSHOT';

export interface ActorFailure {
  readonly at: string;
  readonly message: string;
}

export interface ActorInfo {
  readonly address: string;
  readonly kind: string;
  readonly status: ActorStatus;
  readonly seq: string;
  readonly mailboxDepth: number;
  readonly msgsPerSec: number;
  readonly processed: number;
  readonly rejected: number;
  readonly latency: { readonly count: number; readonly p50Us: number; readonly p99Us: number };
  readonly restarts: number;
  readonly lastError: ActorFailure | null;
}

export interface ShardHost {
  readonly host: string;
  readonly pid: number | null;
  readonly down: string | null;
  readonly deadLetters: number;
  readonly actorCount: number;
  readonly actors: readonly ActorInfo[];
}

export interface ActorTree {
  readonly node: string;
  readonly at: string;
  readonly matched: number;
  readonly truncated: boolean;
  readonly metricsUrl: string;
  readonly healthUrl: string;
  readonly hosts: readonly ShardHost[];
}

const ACTOR_FIELDS = `address kind status seq mailboxDepth msgsPerSec processed rejected restarts
  latency { count p50Us p99Us } lastError { at message }`;

export const TREE_QUERY = `query SreTree($search: String, $limit: Int) {
  actorTreeView(search: $search, limit: $limit) {
    node at matched truncated metricsUrl healthUrl
    hosts { host pid down deadLetters actorCount actors { ${ACTOR_FIELDS} } }
  }
}`;

export const SRE_COMMAND = `mutation SreCommand($input: SreCommandInput!) {
  sreCommand(input: $input) { ok verb target actor { ${ACTOR_FIELDS} } }
}`;

/** Most actors the page asks for at once. */
export const TREE_LIMIT = 2_000;

export async function fetchTree(search: string): Promise<ActorTree> {
  const data = await gql<{ actorTreeView: ActorTree }>(TREE_QUERY, {
    search: search.trim() === '' ? null : search.trim(),
    limit: TREE_LIMIT,
  });
  return data.actorTreeView;
}

export async function runCommand(target: string, verb: SreVerb, reason: string): Promise<ActorInfo | null> {
  const data = await gql<{ sreCommand: { actor: ActorInfo | null } }>(SRE_COMMAND, {
    input: { target, verb, reason: reason.trim() },
  });
  return data.sreCommand.actor;
}

/** The gateway's reason rule: 3 to 500 characters after trimming. */
export function validReason(reason: string): boolean {
  const n = reason.trim().length;
  return n >= 3 && n <= 500;
}

/** Does the actor's address or kind contain `search` (case-insensitive)? The gateway's rule too. */
export function matchesSearch(actor: Pick<ActorInfo, 'address' | 'kind'>, search: string): boolean {
  const needle = search.trim().toLowerCase();
  return (
    needle === '' || actor.address.toLowerCase().includes(needle) || actor.kind.toLowerCase().includes(needle)
  );
}

/** Not running, or failed at some point: the row is highlighted. */
export function needsAttention(actor: Pick<ActorInfo, 'status' | 'lastError'>): boolean {
  return actor.status !== 'RUNNING' || actor.lastError !== null;
}

/** The hosts with only the actors that match `search`. */
export function filterTree(tree: ActorTree, search: string): ShardHost[] {
  return tree.hosts.map((host) => ({
    ...host,
    actors: host.actors.filter((actor) => matchesSearch(actor, search)),
  }));
}

/** Replaces one actor in the tree (a command's fresh reading, before the next poll). */
export function withActor(tree: ActorTree, actor: ActorInfo): ActorTree {
  return {
    ...tree,
    hosts: tree.hosts.map((host) => ({
      ...host,
      actors: host.actors.map((a) => (a.address === actor.address ? actor : a)),
    })),
  };
}

export function formatRate(perSecond: number): string {
  if (perSecond === 0) return '0';
  return perSecond >= 100 ? Math.round(perSecond).toLocaleString('en-US') : perSecond.toFixed(1);
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Microseconds, switching to ms and s when large. */
export function formatUs(us: number): string {
  if (us < 1_000) return `${Math.round(us)} µs`;
  if (us < 1_000_000) return `${(us / 1_000).toFixed(1)} ms`;
  return `${(us / 1_000_000).toFixed(2)} s`;
}
