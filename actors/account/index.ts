/** Accounts: ledger, OMS, fees, pre-trade checks, settlement and the order path. */
export { accountBehavior, defaultRiskLimits, LOCAL_ID_BITS, MAX_ACCOUNT } from './account-actor.ts';
export { AccountState } from './account-state.ts';
export { ASSETS, assetOf, formatAmount, parseAmount } from './assets.ts';
export { accountEventPublisher, accountFills, accountSubjects } from './account-events.ts';
export type { AccountFill } from './account-events.ts';
export { AccountError, AccountErrorCode } from './errors.ts';
export { FEE_TIERS, feeOf, feeSchedule, QTRA_HOLDER_THRESHOLD, ratesFor, tierFor } from './fees.ts';
export { SystemAccount, TxKind, checkBalanced } from './ledger.ts';
export { marketUnits } from './market-units.ts';
export { ORDER_STATUSES, ORDER_TRANSITIONS, OrderStatus, isTerminal, tryTransition } from './oms.ts';
export { OrderPath } from './order-path.ts';
export { ledgerProjection, LedgerReadModel, MAX_PAGE, SYSTEM_OWNER } from './read-model.ts';
export { kycGate } from './kyc-gate.ts';
export { retryingAsk } from './retrying-ask.ts';
export { MarketSettler } from './settlement.ts';

export type { AccountOptions, AccountProfile, AccountProtocol, Reconciliation } from './account-actor.ts';
export type { Asset } from './assets.ts';
export type { FeeRates, FeeTier } from './fees.ts';
export type { Posting, Transaction } from './ledger.ts';
export type { OrderResult } from './order-path.ts';
export type {
  AssetTotal,
  FillPage,
  FillRecord,
  FillSearch,
  HistoryPage,
  LedgerBalance,
  LedgerEntry,
  OrderPage,
  OrderPageOptions,
  OrderRecord,
  OrderSearch,
  PageOptions,
  SystemBalance,
} from './read-model.ts';
export type { Ask } from './settlement.ts';
export type * from './types.ts';
