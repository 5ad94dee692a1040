/**
 * Picks a bus from configuration. Two buses, two jobs:
 * - `createBus({ natsUrl })`: the exchange's event bus (market data, fills, …): NATS when a URL is
 *   given, the in-process bus otherwise. The same code runs on both (ARCHITECTURE §3).
 * - `createFanoutBus({ redisUrl })`: the gateways' subscription fan-out, so a GraphQL subscription
 *   on one gateway instance hears what another instance publishes: Redis pub/sub when a URL is
 *   given, the in-process bus (a single gateway) otherwise.
 */
import type { Bus } from './bus.ts';
import { InProcessBus } from './in-process-bus.ts';
import { NatsBus } from './nats-bus.ts';
import type { NatsBusOptions } from './nats-options.ts';
import type { RedisBusOptions } from './redis-bus.ts';
import { RedisBus } from './redis-bus.ts';

export interface BusConfig {
  /** `NATS_URL` (`NodeConfig.natsUrl`); absent or empty means the in-process bus. */
  readonly natsUrl?: string | undefined;
}

export interface FanoutBusConfig {
  /** `REDIS_URL` of the Redis the gateway instances share; absent or empty means in-process. */
  readonly redisUrl?: string | undefined;
}

/**
 * @throws (rejects) InvalidUrlError or BusUnavailableError when NATS is configured but unusable:
 *   a node configured for NATS must not quietly fall back to a bus no other node can hear.
 */
export async function createBus(config: BusConfig, options: NatsBusOptions = {}): Promise<Bus> {
  const url = config.natsUrl?.trim();
  if (url === undefined || url === '') return new InProcessBus();
  return NatsBus.connect(url, options);
}

/**
 * The gateways' fan-out bus: `RedisBus` when `redisUrl` is set, else an `InProcessBus`.
 *
 * @throws (rejects) InvalidUrlError or BusUnavailableError when Redis is configured but unusable:
 *   a gateway that quietly fanned out only to itself would miss the other instances' messages.
 */
export async function createFanoutBus(config: FanoutBusConfig, options: RedisBusOptions = {}): Promise<Bus> {
  const url = config.redisUrl?.trim();
  if (url === undefined || url === '') return new InProcessBus();
  return RedisBus.connect(url, options);
}
