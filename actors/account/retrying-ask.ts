import { ActorError } from '../runtime/index.ts';
import type { Ask } from './settlement.ts';

/**
 * An `Ask` that rides out a shard host restart: a retryable ActorError (host down or respawning,
 * ask timed out) is sent again, same message id, until `deadlineMs` has passed. Safe because
 * every step of the order path is idempotent (message ids, settlement seq dedupe).
 */
export function retryingAsk(ask: Ask, options: { deadlineMs?: number; pauseMs?: number } = {}): Ask {
  const deadlineMs = options.deadlineMs ?? 15_000;
  const pauseMs = options.pauseMs ?? 50;
  return async (address, type, payload, opts) => {
    const giveUpAt = Date.now() + deadlineMs;
    for (;;) {
      try {
        return await ask(address, type, payload, opts);
      } catch (error) {
        if (!(error instanceof ActorError) || !error.retryable || Date.now() > giveUpAt) throw error;
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
    }
  };
}
