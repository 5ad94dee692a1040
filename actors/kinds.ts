import { register as registerExamples } from './example/index.ts';
import { createBook, marketBehavior } from './market/index.ts';
import type { ActorSystem } from './runtime/index.ts';

/**
 * The actor kinds every shard host of a node runs. comedy loads this module in each forked host
 * (`ShardHostParams.kindsModule`).
 */
export function register(system: ActorSystem): void {
  registerExamples(system);
  // Books are hot and large: never passivated.
  system.register(marketBehavior(createBook));
}
