/**
 * Picks the bus from configuration: NATS when a URL is given, the in-process bus otherwise. The
 * same code runs on both (ARCHITECTURE §3); only this choice differs.
 */
import type { Bus } from './bus.ts';
import { InProcessBus } from './in-process-bus.ts';
import { NatsBus } from './nats-bus.ts';
import type { NatsBusOptions } from './nats-options.ts';

export interface BusConfig {
  /** `NATS_URL` (`NodeConfig.natsUrl`); absent or empty means the in-process bus. */
  readonly natsUrl?: string | undefined;
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
