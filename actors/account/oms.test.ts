import { describe, expect, expectTypeOf, it } from 'vitest';
import type { LiveStatus, NextStatus, OrderStatus, TerminalStatus } from './oms.ts';
import {
  IllegalTransitionError,
  isOrderStatus,
  isTerminal,
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  transition,
  tryTransition,
} from './oms.ts';

/** The table written out by hand, independent of ORDER_TRANSITIONS. */
const LEGAL: ReadonlySet<string> = new Set([
  'PendingNew->New',
  'PendingNew->PartiallyFilled',
  'PendingNew->Filled',
  'PendingNew->Cancelled',
  'PendingNew->Rejected',
  'PendingNew->Expired',
  'New->PartiallyFilled',
  'New->Filled',
  'New->Cancelled',
  'New->Rejected',
  'New->Expired',
  'PartiallyFilled->PartiallyFilled',
  'PartiallyFilled->Filled',
  'PartiallyFilled->Cancelled',
  'PartiallyFilled->Expired',
]);

const TERMINAL: readonly OrderStatus[] = ['Filled', 'Cancelled', 'Rejected', 'Expired'];

describe('oms - order state machine', () => {
  it('oms - seven statuses, in lifecycle order', () => {
    expect(ORDER_STATUSES).toEqual([
      'PendingNew',
      'New',
      'PartiallyFilled',
      'Filled',
      'Cancelled',
      'Rejected',
      'Expired',
    ]);
    expect(Object.keys(ORDER_TRANSITIONS)).toEqual(ORDER_STATUSES);
  });

  it('oms - every pair: legal ones succeed, illegal ones are refused with the pair', () => {
    let legal = 0;
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES) {
        const pair = `${from}->${to}`;
        if (LEGAL.has(pair)) {
          legal++;
          expect(tryTransition(from, to), pair).toEqual({ ok: true, status: to });
          expect(transition(from as OrderStatus, to as NextStatus<OrderStatus>), pair).toBe(to);
          expect(ORDER_TRANSITIONS[from] as readonly string[], pair).toContain(to);
        } else {
          expect(tryTransition(from, to), pair).toEqual({ ok: false, code: 'ILLEGAL_TRANSITION', from, to });
          expect(() => transition(from as OrderStatus, to as NextStatus<OrderStatus>), pair).toThrow(
            IllegalTransitionError,
          );
        }
      }
    }
    expect(legal).toBe(LEGAL.size);
  });

  it('oms - terminal statuses refuse everything, live ones are not terminal', () => {
    for (const status of ORDER_STATUSES) {
      expect(isTerminal(status), status).toBe(TERMINAL.includes(status));
    }
    for (const from of TERMINAL) {
      expect(ORDER_TRANSITIONS[from]).toEqual([]);
      for (const to of ORDER_STATUSES) expect(tryTransition(from, to).ok, `${from}->${to}`).toBe(false);
    }
  });

  it('oms - nothing goes back to PendingNew, and PartiallyFilled never goes back to New', () => {
    for (const from of ORDER_STATUSES) expect(tryTransition(from, 'PendingNew').ok).toBe(false);
    expect(tryTransition('PartiallyFilled', 'New').ok).toBe(false);
  });

  it('oms - statuses from data that are not statuses are refused, not thrown', () => {
    const junk = ['pending', '', 'toString', '__proto__'] as unknown as OrderStatus[];
    for (const bad of junk) {
      expect(isOrderStatus(bad)).toBe(false);
      expect(tryTransition(bad, 'New')).toEqual({
        ok: false,
        code: 'ILLEGAL_TRANSITION',
        from: bad,
        to: 'New',
      });
      expect(tryTransition('New', bad).ok).toBe(false);
    }
    expect(ORDER_STATUSES.every(isOrderStatus)).toBe(true);
  });

  it('oms - the error of an illegal transition names the pair', () => {
    const error = new IllegalTransitionError('Filled', 'New');
    expect([error.name, error.code, error.retryable, error.from, error.to, error.message]).toEqual([
      'IllegalTransitionError',
      'ILLEGAL_TRANSITION',
      false,
      'Filled',
      'New',
      'illegal order transition Filled -> New',
    ]);
  });

  it('oms - an illegal transition does not compile (checked by npm run typecheck)', () => {
    // Legal literal pairs compile and keep their precise type.
    expectTypeOf(transition('PendingNew', 'Filled')).toEqualTypeOf<NextStatus<'PendingNew'>>();
    expectTypeOf(transition('New', 'Rejected')).toEqualTypeOf<NextStatus<'New'>>();
    expectTypeOf(transition('PartiallyFilled', 'PartiallyFilled')).toEqualTypeOf<
      'PartiallyFilled' | 'Filled' | 'Cancelled' | 'Expired'
    >();
    expectTypeOf<NextStatus<'Filled'>>().toBeNever();
    expectTypeOf<TerminalStatus>().toEqualTypeOf<'Filled' | 'Cancelled' | 'Rejected' | 'Expired'>();
    expectTypeOf<LiveStatus>().toEqualTypeOf<'PendingNew' | 'New' | 'PartiallyFilled'>();

    // A status narrowed by a check is as good as a literal.
    const status = 'New' as OrderStatus;
    if (status === 'New') expect(transition(status, 'Filled')).toBe('Filled');

    // Each line below must be a type error: an unused @ts-expect-error fails the typecheck.
    // At run time the same calls throw.
    const illegal: (() => unknown)[] = [
      // @ts-expect-error Filled is terminal
      () => transition('Filled', 'New'),
      // @ts-expect-error Cancelled is terminal
      () => transition('Cancelled', 'Filled'),
      // @ts-expect-error Rejected is terminal
      () => transition('Rejected', 'Rejected'),
      // @ts-expect-error Expired is terminal
      () => transition('Expired', 'PartiallyFilled'),
      // @ts-expect-error nothing returns to PendingNew
      () => transition('New', 'PendingNew'),
      // @ts-expect-error an acknowledged order is not acknowledged again
      () => transition('New', 'New'),
      // @ts-expect-error a partly filled order cannot become un-filled
      () => transition('PartiallyFilled', 'New'),
      // @ts-expect-error a partly filled order was accepted, it cannot be rejected
      () => transition('PartiallyFilled', 'Rejected'),
      // @ts-expect-error not a status at all
      () => transition('PendingNew', 'Open'),
    ];
    for (const call of illegal) expect(call).toThrow(IllegalTransitionError);
  });
});
