import { z } from 'zod';
import { defineActor, persist, reply } from '../runtime/index.ts';

/**
 * Example journaled actor for the foundation stage: a balance with deposits and withdrawals.
 * The exchange's real AccountActor (ledger, OMS) replaces it; the runtime's tests keep using it.
 */

export interface BankAccountState {
  readonly balance: number;
  readonly movements: number;
}

export type BankAccountEvent =
  | { readonly type: 'deposited'; readonly amount: number }
  | { readonly type: 'withdrawn'; readonly amount: number };

export type WithdrawReply =
  | { readonly ok: true; readonly balance: number }
  | { readonly ok: false; readonly code: 'INSUFFICIENT_FUNDS'; readonly balance: number };

export type BankAccountProtocol = {
  deposit: { payload: { amount: number }; reply: { balance: number } };
  withdraw: { payload: { amount: number }; reply: WithdrawReply };
  balance: { payload: Record<string, never>; reply: { balance: number } };
  /** Throws on purpose, so supervision can be watched in a running node. */
  crash: { payload: Record<string, never>; reply: never };
};

const amount = z.object({ amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }).strict();
const empty = z.object({}).strict();

/** Simulated await inside a handler (a lookup elsewhere), to prove the mailbox stays serial across awaits. */
const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export const bankAccount = defineActor<BankAccountState, BankAccountProtocol, BankAccountEvent>({
  kind: 'bank',
  initialState: () => ({ balance: 0, movements: 0 }),
  schemas: { deposit: amount, withdraw: amount, balance: empty, crash: empty },
  handlers: {
    deposit: (state, { amount }) =>
      persist([{ type: 'deposited', amount }], { balance: state.balance + amount }),
    withdraw: async (state, { amount }) => {
      await pause();
      if (state.balance < amount)
        return reply({ ok: false, code: 'INSUFFICIENT_FUNDS', balance: state.balance });
      return persist([{ type: 'withdrawn', amount }], { ok: true, balance: state.balance - amount });
    },
    balance: (state) => reply({ balance: state.balance }),
    crash: () => {
      throw new Error('crash requested');
    },
  },
  apply: (state, event) => ({
    balance: event.type === 'deposited' ? state.balance + event.amount : state.balance - event.amount,
    movements: state.movements + 1,
  }),
  snapshotEvery: 100,
});
