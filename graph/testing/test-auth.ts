import { AuthenticationFailedError } from '../context.ts';
import type { AuthRequest, Principal } from '../context.ts';

/**
 * TEST ONLY, never wired into a node: `x-test-user: <account>` (HTTP) or `{ testUser: <account> }`
 * (connection_init) signs in as that account with read and trade scopes; `x-test-scopes` narrows
 * the scopes; a value that is not a positive integer is refused as bad credentials; nothing at all
 * is anonymous.
 */
export async function testAuthenticate(request: AuthRequest): Promise<Principal | null> {
  const given =
    request.transport === 'ws' ? request.connectionParams?.['testUser'] : request.headers['x-test-user'];
  if (given === undefined) return null;
  const account = Number(given);
  if (!Number.isSafeInteger(account) || account < 1) throw new AuthenticationFailedError('bad test user');
  const scopes = request.headers['x-test-scopes'];
  return {
    userId: `user-${account}`,
    account,
    roles: ['user'],
    scopes:
      typeof scopes === 'string' ? (scopes.split(',') as Principal['scopes'][number][]) : ['read', 'trade'],
    mfa: false,
  };
}
