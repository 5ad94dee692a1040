import { collectDefaultMetrics, Registry } from 'prom-client';
import { LATENCY_BUCKETS_US } from './metrics.ts';
import type { ActorSystem } from './system.ts';

/**
 * Prometheus metrics of one actor system, read at scrape time from the runtime's own counters
 * (nothing is added to the message hot path). Labelled by actor kind, never by actor: thousands
 * of accounts would explode the series count; per-actor figures are in the introspection tree.
 */

type MetricType = 'counter' | 'gauge' | 'histogram';

interface Sample {
  readonly value: number;
  readonly labels: Record<string, string | number>;
  readonly metricName?: string;
}

/** The shape prom-client's Registry reads from a metric (`get()` at scrape time). */
interface CollectedMetric {
  readonly name: string;
  readonly help: string;
  readonly type: MetricType;
  readonly aggregator: 'sum';
  get(): Promise<{ name: string; help: string; type: MetricType; values: Sample[]; aggregator: 'sum' }>;
}

function metric(name: string, help: string, type: MetricType, collect: () => Sample[]): CollectedMetric {
  return {
    name,
    help,
    type,
    aggregator: 'sum',
    get: async () => ({ name, help, type, values: collect(), aggregator: 'sum' }),
  };
}

/** A registry with process metrics and the system's actor metrics, labelled with the host name. */
export function createRuntimeRegistry(
  system: ActorSystem,
  options: { defaultMetrics?: boolean } = {},
): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ host: system.name });
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'qt_' });
  const perKind = (pick: (k: ReturnType<ActorSystem['kindTotals']>[number]) => number) => (): Sample[] =>
    system.kindTotals().map((k) => ({ value: pick(k), labels: { kind: k.kind } }));
  const metrics: CollectedMetric[] = [
    metric(
      'qt_actor_messages_total',
      'Messages handled by actors.',
      'counter',
      perKind((k) => k.processed),
    ),
    metric(
      'qt_actor_rejected_total',
      'Messages refused before the handler (unknown, malformed, frozen).',
      'counter',
      perKind((k) => k.rejected),
    ),
    metric(
      'qt_actor_restarts_total',
      'Actor restarts by their supervisor.',
      'counter',
      perKind((k) => k.restarts),
    ),
    metric(
      'qt_actor_mailbox_depth',
      'Messages waiting in mailboxes.',
      'gauge',
      perKind((k) => k.mailboxDepth),
    ),
    metric(
      'qt_actors_active',
      'Actors loaded in memory.',
      'gauge',
      perKind((k) => k.active),
    ),
    metric('qt_dead_letters_total', 'Messages that could not be delivered.', 'counter', () => [
      { value: system.deadLetters, labels: {} },
    ]),
    metric('qt_journal_batches_total', 'Group-commit batches written to the journal.', 'counter', () => [
      { value: system.journalStats()?.batches ?? 0, labels: {} },
    ]),
    metric('qt_journal_writes_total', 'Actor writes (commands) journaled.', 'counter', () => [
      { value: system.journalStats()?.writes ?? 0, labels: {} },
    ]),
    metric('qt_actor_handler_seconds', 'Handler latency, message taken to reply sent.', 'histogram', () =>
      system.kindTotals().flatMap((k) => {
        const samples: Sample[] = [];
        let cumulative = 0;
        LATENCY_BUCKETS_US.forEach((bound, i) => {
          cumulative += k.latency.counts[i]!;
          samples.push({
            metricName: 'qt_actor_handler_seconds_bucket',
            value: cumulative,
            labels: { kind: k.kind, le: bound / 1e6 },
          });
        });
        samples.push({
          metricName: 'qt_actor_handler_seconds_bucket',
          value: k.latency.count,
          labels: { kind: k.kind, le: '+Inf' },
        });
        samples.push({
          metricName: 'qt_actor_handler_seconds_sum',
          value: k.latency.sumUs / 1e6,
          labels: { kind: k.kind },
        });
        samples.push({
          metricName: 'qt_actor_handler_seconds_count',
          value: k.latency.count,
          labels: { kind: k.kind },
        });
        return samples;
      }),
    ),
  ];
  for (const m of metrics) registry.registerMetric(m as never);
  return registry;
}
