/**
 * The order state machine of the OMS: which status an order can move to from which. Pure.
 *
 * | from                                 | to                                                         |
 * | ------------------------------------ | ---------------------------------------------------------- |
 * | PendingNew                           | New, PartiallyFilled, Filled, Cancelled, Rejected, Expired |
 * | New                                  | PartiallyFilled, Filled, Cancelled, Rejected, Expired      |
 * | PartiallyFilled                      | PartiallyFilled, Filled, Cancelled, Expired                |
 * | Filled, Cancelled, Rejected, Expired | nothing: terminal                                          |
 *
 * Why each edge exists, in terms of the book's events (`actors/market/types.ts`):
 * - PendingNew is "sent to the book, no answer yet". One command can carry the ack and what
 *   follows it, so an order can leave PendingNew for any status: `Rejected` (validation, risk,
 *   FOK unfillable), `New` (rests, or a stop waits), fills of a taker (`PartiallyFilled`,
 *   `Filled`), `Expired` (IOC or MARKET with nothing to match) and `Cancelled` (STP cancels the
 *   incoming order before it traded).
 * - New -> Rejected: a waiting STOP_LIMIT was `Accepted`, and when it triggers with its limit
 *   outside the price band the book emits `Rejected` (`PRICE_BAND`) for the same order.
 * - New -> Expired: a triggered STOP_MARKET that finds no liquidity (and a future good-till-date).
 * - New / PartiallyFilled -> Cancelled: user cancel, cancelAll, or STP on the resting side.
 * - PartiallyFilled -> PartiallyFilled: every further fill that leaves a rest (the filled
 *   quantity changes, the status does not); PartiallyFilled never goes back to New.
 * - Nothing leaves a terminal status, and nothing returns to PendingNew.
 *
 * Not transitions (the status stays, only quantities change): an amend, a trigger, and an STP
 * DECREMENT_AND_CANCEL `Cancelled` event with `remaining > 0`. A refused amend or cancel is a
 * refusal of that command, not `Rejected` for the order.
 */

export const OrderStatus = {
  PendingNew: 'PendingNew',
  New: 'New',
  PartiallyFilled: 'PartiallyFilled',
  Filled: 'Filled',
  Cancelled: 'Cancelled',
  Rejected: 'Rejected',
  Expired: 'Expired',
} as const;
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];

/** Every status, in lifecycle order (live ones first). */
export const ORDER_STATUSES: readonly OrderStatus[] = Object.freeze(Object.values(OrderStatus));

/** The legal transitions, for code, docs and UI. The types below are derived from it. */
export const ORDER_TRANSITIONS = {
  PendingNew: ['New', 'PartiallyFilled', 'Filled', 'Cancelled', 'Rejected', 'Expired'],
  New: ['PartiallyFilled', 'Filled', 'Cancelled', 'Rejected', 'Expired'],
  PartiallyFilled: ['PartiallyFilled', 'Filled', 'Cancelled', 'Expired'],
  Filled: [],
  Cancelled: [],
  Rejected: [],
  Expired: [],
} as const satisfies { readonly [S in OrderStatus]: readonly OrderStatus[] };

/** The statuses `From` may move to (`never` for a terminal status). */
export type NextStatus<From extends OrderStatus> = (typeof ORDER_TRANSITIONS)[From][number];

export type TerminalStatus = {
  [S in OrderStatus]: [NextStatus<S>] extends [never] ? S : never;
}[OrderStatus];

export type LiveStatus = Exclude<OrderStatus, TerminalStatus>;

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && Object.hasOwn(ORDER_TRANSITIONS, value);
}

export function isTerminal(status: OrderStatus): status is TerminalStatus {
  return ORDER_TRANSITIONS[status].length === 0;
}

function isLegal(from: OrderStatus, to: OrderStatus): boolean {
  if (!isOrderStatus(from) || !isOrderStatus(to)) return false;
  return (ORDER_TRANSITIONS[from] as readonly OrderStatus[]).includes(to);
}

export const OmsRejectCode = { ILLEGAL_TRANSITION: 'ILLEGAL_TRANSITION' } as const;
export type OmsRejectCode = (typeof OmsRejectCode)[keyof typeof OmsRejectCode];

export type TransitionResult =
  | { readonly ok: true; readonly status: OrderStatus }
  | {
      readonly ok: false;
      readonly code: typeof OmsRejectCode.ILLEGAL_TRANSITION;
      readonly from: OrderStatus;
      readonly to: OrderStatus;
    };

/** For statuses that come from data (events, snapshots, requests): an illegal move is a value. */
export function tryTransition(from: OrderStatus, to: OrderStatus): TransitionResult {
  if (isLegal(from, to)) return { ok: true, status: to };
  return { ok: false, code: OmsRejectCode.ILLEGAL_TRANSITION, from, to };
}

/** An illegal transition reached `transition`: a bug in the caller, not a business refusal. */
export class IllegalTransitionError extends Error {
  override name = 'IllegalTransitionError';
  readonly code = OmsRejectCode.ILLEGAL_TRANSITION;
  readonly retryable = false;
  readonly from: OrderStatus;
  readonly to: OrderStatus;

  constructor(from: OrderStatus, to: OrderStatus) {
    super(`illegal order transition ${from} -> ${to}`);
    this.from = from;
    this.to = to;
  }
}

/**
 * For code that knows the status: an illegal pair of literal (or narrowed) statuses does not
 * compile, e.g. `transition('Filled', 'New')`. A widened `from` (`OrderStatus`) accepts any
 * status that some state may reach, so the table is checked again here and an illegal move
 * throws `IllegalTransitionError`; data should go through `tryTransition` instead.
 */
export function transition<From extends OrderStatus>(
  from: From,
  to: NoInfer<NextStatus<From>>,
): NextStatus<From> {
  if (!isLegal(from, to)) throw new IllegalTransitionError(from, to);
  return to;
}
