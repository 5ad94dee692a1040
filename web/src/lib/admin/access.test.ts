import { describe, expect, it } from 'vitest';
import { adminAccess, tokenPassedMfa, validReason } from './access.ts';

const user = (roles: string[]) => ({
  id: 'u',
  email: 'a@example.com',
  account: '1',
  roles,
  mfaEnabled: true,
});
const jwt = (claims: object) =>
  `h.${btoa(JSON.stringify(claims)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}.s`;

describe('admin access', () => {
  it('needs a session, role ADMIN and a token whose login passed MFA', () => {
    expect(adminAccess(null, null)).toBe('anonymous');
    expect(adminAccess(user(['USER', 'SRE']), jwt({ mfa: true }))).toBe('not-admin');
    expect(adminAccess(user(['USER', 'ADMIN']), jwt({ mfa: false }))).toBe('no-mfa');
    expect(adminAccess(user(['USER', 'ADMIN']), 'garbage')).toBe('no-mfa');
    expect(adminAccess(user(['USER', 'ADMIN']), jwt({ sub: 'u', mfa: true }))).toBe('ok');
    expect(tokenPassedMfa(null)).toBe(false);
  });

  it('a reason is 3 to 500 characters once trimmed', () => {
    expect(validReason('  ok ')).toBe(false);
    expect(validReason('INC-1')).toBe(true);
    expect(validReason('x'.repeat(501))).toBe(false);
  });
});
