import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed resolver signatures from graph/schema.graphql (`npm run codegen`). The output is
 * committed; graph/codegen.test.ts fails when it no longer matches the schema. Mappers let
 * resolvers return our internal types (ticks, lots, epoch ms) and convert them field by field.
 */
export const codegenConfig = {
  contextType: '../context.ts#GraphContext',
  useTypeImports: true,
  // Our types share names with the schema's (Ticker, Trade): imported as TickerModel, TradeModel.
  mapperTypeSuffix: 'Model',
  enumsAsTypes: true,
  avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
  scalars: {
    Decimal: 'string',
    PositiveDecimal: 'string',
    Timestamp: { input: 'number', output: 'number' },
  },
  enumValues: {
    CandleInterval: { M1: '1m', M5: '5m', M15: '15m', H1: '1h', H4: '4h', D1: '1d', W1: '1w' },
    OrderStatus: {
      PENDING_NEW: 'PendingNew',
      NEW: 'New',
      PARTIALLY_FILLED: 'PartiallyFilled',
      FILLED: 'Filled',
      CANCELLED: 'Cancelled',
      REJECTED: 'Rejected',
      EXPIRED: 'Expired',
    },
  },
  mappers: {
    Market: '../../actors/market/index.ts#MarketSpec',
    Ticker: '../../actors/marketdata/index.ts#Ticker',
    OrderBook: '../../actors/marketdata/index.ts#BookSnapshotL2',
    Trade: '../../actors/marketdata/index.ts#Trade',
    Candle: '../../actors/marketdata/index.ts#Candle',
    FeeTier: '../../actors/account/index.ts#FeeTier',
    Order: '../../actors/account/index.ts#AccountOrder',
    Balance: '../../actors/account/index.ts#BalanceView',
    RiskLimits: '../../actors/account/index.ts#EffectiveLimits',
    LedgerEntry: '../../actors/account/index.ts#LedgerEntry',
    User: '../context.ts#Principal',
    Fill: '../../actors/account/index.ts#AccountFill',
    SettledFill: '../models.ts#SettledFillModel',
    Amount: '../models.ts#AmountModel',
    ApiKey: '../auth/index.ts#ApiKeyRecord',
    CreatedApiKey: '../models.ts#CreatedApiKeyModel',
    AuthPayload: '../auth-service.ts#AuthPayload',
    AuditEntry: '../models.ts#AuditEntryModel',
    ActorDetail: '../models.ts#ActorDetailModel',
    OrderBookUpdate: '../models.ts#OrderBookUpdateModel',
    PriceLevel: '../models.ts#PriceLevelModel',
    Participant: '../admin-models.ts#ParticipantModel',
    AccountStatus: '../admin-models.ts#AccountStatusModel',
    AdminOrder: '../admin-models.ts#AdminOrderModel',
    AdminTrade: '../admin-models.ts#AdminTradeModel',
    BalanceAdjustment: '../admin-models.ts#BalanceAdjustmentModel',
    MarketRiskLimits: '../admin-models.ts#MarketRiskLimitsModel',
    AdminMarket: '../admin-models.ts#AdminMarketModel',
    MarketMakerStatus: '../admin-models.ts#MarketMakerStatusModel',
    MarketMakerConfig: '../admin-models.ts#MarketMakerConfigModel',
  },
};

const config: CodegenConfig = {
  schema: 'graph/schema.graphql',
  generates: {
    'graph/generated/resolvers.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: codegenConfig,
    },
  },
};

export default config;
