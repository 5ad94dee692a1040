/** Market making: the PMM strategy, its runner, and the demo that `npm start` runs. */
export { DEMO_MAKER_ACCOUNT, DEMO_TAKER_ACCOUNT, demoConfig, startDemoMarketMaking } from './demo.ts';
export type { DemoMarketMaking } from './demo.ts';
export { MarketMaker } from './market-maker.ts';
export type { MarketMakerOptions, MarketMakerStatus, MidSource } from './market-maker.ts';
export { checkPmmConfig, InvalidPmmConfigError, quotes } from './pmm.ts';
export type { PmmConfig, Quote } from './pmm.ts';
