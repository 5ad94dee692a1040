import type { KycGate } from './types.ts';

/**
 * The default KYC/jurisdiction gate, from configuration: trading needs at least `minTier`, and
 * accounts from a blocked country cannot trade at all. The KYC service (Sumsub cases) sets each
 * account's tier and country through the account's `setKyc`; this only reads them.
 */
export function kycGate(options: { minTier: number; blockedJurisdictions: readonly string[] }): KycGate {
  const blocked = new Set(options.blockedJurisdictions);
  return (kyc) => {
    if (kyc.jurisdiction !== null && blocked.has(kyc.jurisdiction)) return 'JURISDICTION_BLOCKED';
    if (kyc.tier < options.minTier) return 'KYC_REQUIRED';
    return undefined;
  };
}
