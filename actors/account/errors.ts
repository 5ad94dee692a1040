/**
 * Why an account operation was refused. Every refusal changes nothing; the code is stable and is
 * what GraphQL puts in `extensions.code`.
 */
export const AccountErrorCode = {
  // input
  INVALID_AMOUNT: 'INVALID_AMOUNT',
  TOO_MANY_DECIMALS: 'TOO_MANY_DECIMALS',
  UNKNOWN_ASSET: 'UNKNOWN_ASSET',
  UNKNOWN_MARKET: 'UNKNOWN_MARKET',
  INVALID_ORDER: 'INVALID_ORDER',
  PRICE_NOT_TICK_MULTIPLE: 'PRICE_NOT_TICK_MULTIPLE',
  SIZE_NOT_LOT_MULTIPLE: 'SIZE_NOT_LOT_MULTIPLE',
  INVALID_DECIMAL: 'INVALID_DECIMAL',
  PRICE_TOO_HIGH: 'PRICE_TOO_HIGH',
  INVALID_FEE_RATES: 'INVALID_FEE_RATES',
  /** A trader's own limit above the exchange's (own limits can only lower them). */
  LIMIT_ABOVE_EXCHANGE: 'LIMIT_ABOVE_EXCHANGE',
  // account state
  ACCOUNT_FROZEN: 'ACCOUNT_FROZEN',
  INSUFFICIENT_BALANCE: 'INSUFFICIENT_BALANCE',
  UNKNOWN_ORDER: 'UNKNOWN_ORDER',
  ORDER_NOT_OPEN: 'ORDER_NOT_OPEN',
  TOO_MANY_OPEN_ORDERS: 'TOO_MANY_OPEN_ORDERS',
  UNKNOWN_HOLD: 'UNKNOWN_HOLD',
  // pre-trade risk
  RATE_LIMITED: 'RATE_LIMITED',
  PRICE_BAND: 'PRICE_BAND',
  SIZE_TOO_LARGE: 'SIZE_TOO_LARGE',
  NOTIONAL_TOO_LARGE: 'NOTIONAL_TOO_LARGE',
  NO_REFERENCE_PRICE: 'NO_REFERENCE_PRICE',
  KYC_REQUIRED: 'KYC_REQUIRED',
  JURISDICTION_BLOCKED: 'JURISDICTION_BLOCKED',
} as const;
export type AccountErrorCode = (typeof AccountErrorCode)[keyof typeof AccountErrorCode];

export class AccountError extends Error {
  override name = 'AccountError';
  constructor(
    readonly code: AccountErrorCode,
    message: string,
  ) {
    super(message);
  }

  toJSON(): { code: AccountErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}
