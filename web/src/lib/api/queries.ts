/** GraphQL documents the trader terminal uses. */

export const TICKER_FIELDS =
  'symbol time last open change changeBps high low volume quoteVolume trades bestBid bestAsk';
export const MARKET_FIELDS = `symbol base quote tickSize lotSize minSize maxSize maxPrice minNotional priceBandBps status ticker { ${TICKER_FIELDS} }`;
export const ORDER_FIELDS =
  'id clientOrderId market side type status price stopPrice size quote postOnly stp filledSize remainingSize filledNotional averagePrice triggered createdAt updatedAt';
export const FILL_FIELDS = 'id orderId market seq side price size liquidity time';
export const BALANCE_FIELDS = 'asset available locked';
export const API_KEY_FIELDS = 'id label key scopes ipAllowlist createdAt lastUsedAt revokedAt';
export const RISK_FIELDS = 'maxOrderNotional maxOpenOrders exchangeMaxOrderNotional exchangeMaxOpenOrders';

export const MARKETS = `query Markets { markets { ${MARKET_FIELDS} } }`;
export const TICKER_SUB = `subscription Ticker($symbol: ID!) { ticker(symbol: $symbol) { ${TICKER_FIELDS} } }`;
export const BOOK_SUB = `subscription Book($symbol: ID!, $depth: Int) { orderBook(symbol: $symbol, depth: $depth) { type symbol seq prevSeq bids { price size } asks { price size } } }`;
export const TRADES = `query Trades($symbol: ID!, $first: Int) { trades(symbol: $symbol, first: $first) { edges { node { symbol seq time price size takerSide } } } }`;
export const TRADES_SUB = `subscription Trades($symbol: ID!) { trades(symbol: $symbol) { symbol seq time price size takerSide } }`;
export const CANDLES = `query Candles($symbol: ID!, $interval: CandleInterval!, $limit: Int) { candles(symbol: $symbol, interval: $interval, limit: $limit) { openTime open high low close volume } }`;
export const CANDLES_SUB = `subscription Candles($symbol: ID!, $interval: CandleInterval!) { candles(symbol: $symbol, interval: $interval) { openTime open high low close volume } }`;

export const MY_FEE_TIER = 'query MyFeeTier { myFeeTier { tier makerBps takerBps } }';
export const BALANCES = `query Balances { balances { ${BALANCE_FIELDS} } }`;
// The gateway prices queries (cost limit 5000, ~74 per order): pages of 50.
export const OPEN_ORDERS = `query OpenOrders($after: String) { orders(filter: { open: true }, first: 50, after: $after) { edges { node { ${ORDER_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
export const ORDER_HISTORY = `query OrderHistory { orders(first: 50) { edges { node { ${ORDER_FIELDS} } } } }`;
export const MY_ORDERS_SUB = `subscription MyOrders { myOrders { ${ORDER_FIELDS} } }`;
export const MY_FILLS_SUB = `subscription MyFills { myFills { ${FILL_FIELDS} } }`;
export const MY_BALANCES_SUB = `subscription MyBalances { myBalances { ${BALANCE_FIELDS} } }`;
export const SETTLED_FILLS = `query Fills { fills(first: 50) { edges { node { id market seq side liquidity time paid { asset amount } received { asset amount } } } } }`;

export const PLACE_ORDER = `mutation Place($input: PlaceOrderInput!) { placeOrder(input: $input) { ${ORDER_FIELDS} } }`;
export const CANCEL_ORDER = `mutation Cancel($id: ID!) { cancelOrder(id: $id) { ${ORDER_FIELDS} } }`;
export const AMEND_ORDER = `mutation Amend($input: AmendOrderInput!) { amendOrder(input: $input) { ${ORDER_FIELDS} } }`;
export const CANCEL_ALL = 'mutation CancelAll { cancelAll { cancelled } }';

export const API_KEYS = `query ApiKeys { apiKeys { ${API_KEY_FIELDS} } }`;
export const CREATE_API_KEY = `mutation CreateKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { ${API_KEY_FIELDS} } } }`;
export const REVOKE_API_KEY = `mutation RevokeKey($id: ID!) { revokeApiKey(id: $id) { ${API_KEY_FIELDS} } }`;
export const ROTATE_API_KEY = `mutation RotateKey($id: ID!) { rotateApiKey(id: $id) { secret apiKey { ${API_KEY_FIELDS} } } }`;
export const ENABLE_TOTP = 'mutation EnableTotp { enableTotp { uri secret } }';
export const VERIFY_TOTP = 'mutation VerifyTotp($code: String!) { verifyTotp(code: $code) }';
export const DISABLE_TOTP = 'mutation DisableTotp($code: String!) { disableTotp(code: $code) }';
export const MY_RISK_LIMITS = `query MyRiskLimits { myRiskLimits { ${RISK_FIELDS} } }`;
export const SET_MY_RISK_LIMITS = `mutation SetMyRiskLimits($input: RiskLimitsInput!) { setMyRiskLimits(input: $input) { ${RISK_FIELDS} } }`;
