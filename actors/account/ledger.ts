import { assetOf } from './assets.ts';
import { AccountError } from './errors.ts';

/**
 * Double-entry ledger of one user, kept by that user's AccountActor.
 *
 * Every transaction is a list of postings that sums to zero per asset. A posting moves an amount
 * (bigint minor units, signed) into one ledger account:
 * - the user's own `available` and `locked` accounts per asset (the actor holds their balances);
 * - system accounts (`SystemAccount`): fee revenue, rebate expense, custody omnibus per chain,
 *   insurance fund, treasury operating and reserve, per-market clearing, adjustments. Their
 *   balances are the sum of every user ledger's postings to them (the read model sums the
 *   entries; each actor keeps its own contribution for checks).
 *
 * Sign: a user account's balance is what the user holds, so it never goes below zero. System
 * accounts are the other side: a deposit credits the user and debits custody (`custody:<chain>`
 * goes negative by what the exchange owes its users), so the sum of all balances of an asset is
 * always zero.
 *
 * A fill settles in two transactions, one per side, each summing to zero through the market's
 * clearing account (the buyer pays quote into clearing and takes base out; the seller the
 * reverse), so the two sides are posted by their own actors and clearing nets to zero once both
 * are settled.
 */

export const SystemAccount = {
  FEE_REVENUE: 'fee_revenue',
  REBATE_EXPENSE: 'rebate_expense',
  INSURANCE_FUND: 'insurance_fund',
  TREASURY_OPERATING: 'treasury_operating',
  TREASURY_RESERVE: 'treasury_reserve',
  ADJUSTMENTS: 'adjustments',
  custody: (chain: string) => `custody:${chain}`,
  clearing: (market: string) => `clearing:${market}`,
} as const;

export type UserAccount = 'available' | 'locked';

export interface Posting {
  /** `available` / `locked` of the ledger's user, or a system account name. */
  readonly account: UserAccount | `sys:${string}`;
  readonly asset: string;
  /** Signed minor units, never zero. */
  readonly amount: bigint;
}

export const TxKind = {
  DEPOSIT: 'deposit',
  WITHDRAWAL: 'withdrawal',
  LOCK: 'lock',
  UNLOCK: 'unlock',
  ORDER_HOLD: 'order_hold',
  ORDER_RELEASE: 'order_release',
  FILL: 'fill',
  ADJUSTMENT: 'adjustment',
} as const;
export type TxKind = (typeof TxKind)[keyof typeof TxKind];

export interface Transaction {
  /** Unique per ledger; the caller's id for deposits and withdrawals, derived for trading. */
  readonly id: string;
  readonly kind: TxKind;
  readonly postings: readonly Posting[];
}

export interface Balance {
  available: bigint;
  locked: bigint;
}

export function sys(name: string): `sys:${string}` {
  return `sys:${name}`;
}

/**
 * Checks a transaction's shape: at least two postings, known assets, no zero amounts, and zero sum
 * per asset. A transaction that fails is a bug in the caller (inputs are validated before), so it
 * throws.
 */
export function checkBalanced(tx: Transaction): void {
  if (tx.postings.length < 2) throw new TypeError(`transaction ${tx.id} needs at least two postings`);
  const sums = new Map<string, bigint>();
  for (const posting of tx.postings) {
    assetOf(posting.asset);
    if (posting.amount === 0n) throw new TypeError(`transaction ${tx.id} has a zero posting`);
    sums.set(posting.asset, (sums.get(posting.asset) ?? 0n) + posting.amount);
  }
  for (const [asset, sum] of sums) {
    if (sum !== 0n) throw new TypeError(`transaction ${tx.id} does not balance in ${asset}: ${sum}`);
  }
}

/** One user's balances plus its contribution to every system account. Mutated only by `apply`. */
export class UserLedger {
  readonly balances = new Map<string, Balance>();
  /** `${account}|${asset}` -> this user's net postings to that system account. */
  readonly system = new Map<string, bigint>();

  balance(asset: string): Balance {
    return this.balances.get(asset) ?? { available: 0n, locked: 0n };
  }

  /** INSUFFICIENT_BALANCE when the transaction would take a user account below zero, else undefined. */
  shortfall(tx: Transaction): AccountError | undefined {
    const after = new Map<string, bigint>();
    for (const { account, asset, amount } of tx.postings) {
      if (account !== 'available' && account !== 'locked') continue;
      const key = `${account}|${asset}`;
      const current = after.get(key) ?? this.balance(asset)[account];
      after.set(key, current + amount);
    }
    for (const [key, value] of after) {
      if (value < 0n) {
        const [account, asset] = key.split('|');
        return new AccountError('INSUFFICIENT_BALANCE', `${asset} ${account} balance too low`);
      }
    }
    return undefined;
  }

  apply(tx: Transaction): void {
    for (const { account, asset, amount } of tx.postings) {
      if (account === 'available' || account === 'locked') {
        let balance = this.balances.get(asset);
        if (!balance) this.balances.set(asset, (balance = { available: 0n, locked: 0n }));
        balance[account] += amount;
      } else {
        const key = `${account.slice(4)}|${asset}`;
        const total = (this.system.get(key) ?? 0n) + amount;
        if (total === 0n) this.system.delete(key);
        else this.system.set(key, total);
      }
    }
  }

  toJSON(): { balances: [string, Balance][]; system: [string, bigint][] } {
    return {
      balances: [...this.balances].map(([asset, b]) => [asset, { ...b }]),
      system: [...this.system],
    };
  }

  static fromJSON(data: ReturnType<UserLedger['toJSON']>): UserLedger {
    const ledger = new UserLedger();
    for (const [asset, b] of data.balances) ledger.balances.set(asset, { ...b });
    for (const [key, amount] of data.system) ledger.system.set(key, amount);
    return ledger;
  }
}

// --- transaction builders (each balanced by construction) --------------------------------------

/** Two postings moving `amount` from one account to another. */
export function transfer(
  id: string,
  kind: TxKind,
  asset: string,
  from: Posting['account'],
  to: Posting['account'],
  amount: bigint,
): Transaction {
  return {
    id,
    kind,
    postings: [
      { account: from, asset, amount: -amount },
      { account: to, asset, amount },
    ],
  };
}
