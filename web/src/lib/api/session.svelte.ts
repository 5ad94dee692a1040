/**
 * Who is logged in. The access token lives in memory; the refresh token in localStorage so a
 * reload stays logged in (the gateway rotates it on every refresh and revokes it on logout).
 */
export interface SessionUser {
  readonly id: string;
  readonly email: string;
  readonly account: string;
  readonly roles: readonly string[];
  readonly mfaEnabled: boolean;
}

export interface Tokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresAt: string;
}

const REFRESH_KEY = 'qt.refresh';

class Session {
  user = $state<SessionUser | null>(null);
  accessToken = $state<string | null>(null);
  expiresAt = $state<number>(0);

  get loggedIn(): boolean {
    return this.user !== null && this.accessToken !== null;
  }

  hasRole(role: string): boolean {
    return this.user?.roles.includes(role) ?? false;
  }

  set(tokens: Tokens, user: SessionUser): void {
    this.user = user;
    this.accessToken = tokens.accessToken;
    this.expiresAt = Date.parse(tokens.expiresAt);
    storage()?.setItem(REFRESH_KEY, tokens.refreshToken);
  }

  clear(): void {
    this.user = null;
    this.accessToken = null;
    this.expiresAt = 0;
    storage()?.removeItem(REFRESH_KEY);
  }

  get refreshToken(): string | null {
    return storage()?.getItem(REFRESH_KEY) ?? null;
  }
}

function storage(): Storage | undefined {
  return typeof localStorage === 'undefined' ? undefined : localStorage;
}

export const session = new Session();
