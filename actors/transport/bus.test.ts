import { describe } from 'vitest';
import { natsUrl, requireNats } from '../../test/services.ts';
import { busContract } from './bus.contract.ts';
import { InProcessBus } from './in-process-bus.ts';
import { NatsBus } from './nats-bus.ts';

busContract('in-process', async () => new InProcessBus());

const withNats = await requireNats();
describe.skipIf(!withNats)('NATS', () => {
  busContract('NATS', () => NatsBus.connect(natsUrl(), { name: 'bus-contract' }));
});
