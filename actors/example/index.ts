import type { ActorSystem } from '../runtime/index.ts';
import { bankAccount } from './bank-account.ts';
import { counter } from './counter.ts';

export { bankAccount, counter };
export type {
  BankAccountEvent,
  BankAccountProtocol,
  BankAccountState,
  WithdrawReply,
} from './bank-account.ts';
export type { CounterProtocol } from './counter.ts';

/** Registers the example actor set on a system (what `npm start` runs at the foundation stage). */
export function register(system: ActorSystem): void {
  system.register(bankAccount, { passivateAfterMs: 5 * 60_000 });
  system.register(counter);
}
