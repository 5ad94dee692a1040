/**
 * Transport: the event bus (`Bus`) in-process or over NATS, and JetStream durable streams on the
 * NATS bus. `createBus({ natsUrl })` picks the implementation from configuration.
 *
 * Which bus is for what: NATS (`createBus`) carries the exchange's events between nodes; Redis
 * pub/sub (`createFanoutBus({ redisUrl })`, `RedisBus`) only fans GraphQL subscriptions out across
 * gateway instances. All three buses keep the same contract (`bus.ts`).
 *
 * ```ts
 * const bus = await createBus({ natsUrl: config.natsUrl });
 * const sub = bus.subscribe('market.*.trades', ({ subject, value }) => …, { onOverflow: resync });
 * await bus.publish('market.BTC-USDT.trades', { seq: 1, price: 65000, size: 2 });
 * await bus.close();
 * ```
 */
export { DEFAULT_MAX_PENDING } from './bus.ts';
export { createBus, createFanoutBus } from './create-bus.ts';
export {
  TransportErrorCode,
  TransportError,
  InvalidSubjectError,
  InvalidNameError,
  InvalidUrlError,
  BusClosedError,
  BusUnavailableError,
  PayloadTooLargeError,
  JetStreamError,
} from './errors.ts';
export { InProcessBus } from './in-process-bus.ts';
export { NatsBus } from './nats-bus.ts';
export { natsConnectionOptions, redactUrl } from './nats-options.ts';
export { RedisBus } from './redis-bus.ts';
export { subjectMatches, validatePattern, validateSubject } from './subject.ts';

export type {
  Bus,
  BusMessage,
  MessageHandler,
  OverflowNotice,
  SubscribeOptions,
  Subscription,
} from './bus.ts';
export type { BusConfig, FanoutBusConfig } from './create-bus.ts';
export type { ConsumeOptions, DurableConsumer, DurableHandler, DurableMessage } from './durable-consumer.ts';
export type { SubjectErrorCode } from './errors.ts';
export type { PublishAck, StreamOptions } from './jetstream.ts';
export type { NatsBusOptions } from './nats-options.ts';
export type { RedisBusOptions } from './redis-bus.ts';
