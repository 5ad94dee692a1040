/**
 * The gateway's stable error codes (`extensions.code`) as messages a trader understands. A code
 * not listed falls back to the server's own message, which the gateway keeps free of internals.
 */
const MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: 'Please log in again.',
  FORBIDDEN: 'You are not allowed to do that.',
  SESSION_REVOKED: 'Your session ended. Please log in again.',
  TOKEN_INVALID: 'That link or token is invalid or has expired.',
  INVALID_CREDENTIALS: 'Wrong email or password.',
  MFA_REQUIRED: 'Enter the 6-digit code from your authenticator app.',
  MFA_INVALID: 'That authenticator code is not valid.',
  MFA_REPLAYED: 'That code was already used. Wait for the next one.',
  MFA_ALREADY_ENABLED: 'Two-factor authentication is already on.',
  EMAIL_TAKEN: 'An account with that email already exists.',
  WEAK_PASSWORD: 'Choose a longer password (at least 10 characters).',
  RATE_LIMITED: 'Too many requests. Slow down and try again in a moment.',
  BAD_USER_INPUT: 'Some of the input is not valid.',
  GRAPHQL_VALIDATION_FAILED: 'The request was not valid.',
  QUERY_TOO_COMPLEX: 'The request was too large.',
  PAYLOAD_TOO_LARGE: 'The request was too large.',
  INSUFFICIENT_BALANCE: 'Insufficient balance for this order.',
  ACCOUNT_FROZEN: 'Your account is frozen. Contact support.',
  KYC_REQUIRED: 'Verify your identity to trade.',
  JURISDICTION_BLOCKED: 'Trading is not available in your jurisdiction.',
  TOO_MANY_OPEN_ORDERS: 'You have too many open orders.',
  PRICE_NOT_TICK_MULTIPLE: 'The price must be a multiple of the tick size.',
  SIZE_NOT_LOT_MULTIPLE: 'The size must be a multiple of the lot size.',
  TOO_MANY_DECIMALS: 'Too many decimal places.',
  INVALID_DECIMAL: 'Enter a number.',
  INVALID_PRICE: 'Enter a valid price.',
  INVALID_SIZE: 'Enter a valid size.',
  INVALID_QUOTE: 'Enter a valid amount.',
  INVALID_STOP_PRICE: 'Enter a valid stop price.',
  INVALID_ORDER: 'This order is not valid.',
  SIZE_TOO_SMALL: 'The size is below the minimum.',
  SIZE_TOO_LARGE: 'The size is above the maximum.',
  NOTIONAL_TOO_SMALL: 'The order value is below the minimum.',
  NOTIONAL_TOO_LARGE: 'The order value is above your limit.',
  PRICE_BAND: 'The price is too far from the market price.',
  PRICE_TOO_HIGH: 'The price is too high.',
  NO_REFERENCE_PRICE: 'There is no market price yet for a market order.',
  NO_LIQUIDITY: 'There is nothing on the other side of the book.',
  POST_ONLY_WOULD_TAKE: 'A post-only order would have traded immediately, so it was cancelled.',
  FOK_UNFILLABLE: 'Fill-or-kill: the book cannot fill the whole size.',
  FOK_BUDGET: 'Fill-or-kill: the fill would cost more than the amount given.',
  STOP_WOULD_TRIGGER: 'The stop price would trigger immediately.',
  MARKET_HALTED: 'This market is halted.',
  MARKET_CANCEL_ONLY: 'This market is in cancel-only mode.',
  MARKET_POST_ONLY: 'This market accepts post-only orders only.',
  UNKNOWN_MARKET: 'Unknown market.',
  UNKNOWN_ORDER: 'That order does not exist.',
  ORDER_NOT_OPEN: 'That order is no longer open.',
  NOT_AMENDABLE: 'Only a resting limit order can be amended.',
  NOT_ORDER_OWNER: 'That order is not yours.',
  DUPLICATE_ORDER_ID: 'An order with this client order id exists.',
  NOT_FOUND: 'Not found.',
  MAILBOX_FULL: 'The exchange is busy. Try again.',
  HOST_UNAVAILABLE: 'The exchange is temporarily unavailable. Try again.',
  ASK_TIMEOUT: 'The exchange did not answer in time. Check your orders before retrying.',
  UNAVAILABLE: 'The service is temporarily unavailable.',
  SLOW_CONSUMER: 'The live feed fell behind and is resynchronising.',
  NETWORK: 'Cannot reach the exchange. Check your connection.',
  INTERNAL: 'Something went wrong on our side.',
};

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The field or argument the server blamed, when it named one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** What to show for a failure: the code's message, else the server's message. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return MESSAGES[error.code] ?? error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

export function messageFor(code: string): string | undefined {
  return MESSAGES[code];
}
