import { AccountError } from './errors.ts';

/**
 * The assets the ledger keeps, and their minor units. Amounts are bigint counts of minor units;
 * on the wire they are decimal strings with at most `decimals` fraction digits.
 *
 * Ledger decimals are chosen so every market's smallest trade value is a whole number of minor
 * units (BTC-USDT trades 0.00001 BTC at 0.01 USDT steps: 1e-7 USDT), which is why USDT keeps 8
 * decimals here although its tokens have 6: custody converts exactly at the chain boundary (a
 * withdrawal must be a multiple of 100 ledger units).
 */
export interface Asset {
  readonly symbol: string;
  readonly decimals: number;
  /** Valued 1:1 in USD for fee volume (stablecoins). */
  readonly usdStable: boolean;
}

export const ASSETS: Readonly<Record<string, Asset>> = {
  BTC: { symbol: 'BTC', decimals: 8, usdStable: false },
  ETH: { symbol: 'ETH', decimals: 18, usdStable: false },
  USDT: { symbol: 'USDT', decimals: 8, usdStable: true },
  QTRA: { symbol: 'QTRA', decimals: 18, usdStable: false },
};

export function assetOf(symbol: string): Asset {
  const asset = Object.hasOwn(ASSETS, symbol) ? ASSETS[symbol] : undefined;
  if (!asset) throw new AccountError('UNKNOWN_ASSET', `unknown asset "${symbol}"`);
  return asset;
}

const DECIMAL = /^(0|[1-9]\d{0,29})(?:\.(\d{1,30}))?$/;

/**
 * "1.5" BTC -> 150000000n. Refuses anything but a plain non-negative decimal, and more fraction
 * digits than the asset has (`TOO_MANY_DECIMALS`): nothing is rounded away silently.
 */
export function parseAmount(asset: Asset, text: unknown): bigint {
  if (typeof text !== 'string') throw new AccountError('INVALID_AMOUNT', 'amount must be a decimal string');
  const match = DECIMAL.exec(text);
  if (!match) throw new AccountError('INVALID_AMOUNT', `"${text}" is not a decimal amount`);
  const [, whole, fraction = ''] = match;
  if (fraction.replace(/0+$/, '').length > asset.decimals) {
    throw new AccountError(
      'TOO_MANY_DECIMALS',
      `${asset.symbol} has ${asset.decimals} decimals; "${text}" has more`,
    );
  }
  return BigInt(whole! + fraction.padEnd(asset.decimals, '0').slice(0, asset.decimals));
}

/** A positive amount (deposits, withdrawals, holds): zero and negatives are `INVALID_AMOUNT`. */
export function parsePositiveAmount(asset: Asset, text: unknown): bigint {
  const amount = parseAmount(asset, text);
  if (amount <= 0n) throw new AccountError('INVALID_AMOUNT', 'amount must be greater than zero');
  return amount;
}

/** 150000000n BTC -> "1.5" (negative amounts keep their sign). */
export function formatAmount(asset: Asset, amount: bigint): string {
  const negative = amount < 0n;
  const digits = (negative ? -amount : amount).toString().padStart(asset.decimals + 1, '0');
  const whole = asset.decimals === 0 ? digits : digits.slice(0, -asset.decimals);
  const fraction = asset.decimals === 0 ? '' : digits.slice(-asset.decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}
