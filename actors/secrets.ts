import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The gateway's secrets: access-token signing and the server key for secrets at rest. */
export interface NodeSecrets {
  readonly jwtSecret: string;
  readonly authServerKey: string;
}

/**
 * Secrets from configuration, or (development) generated once and kept in `file`, readable only
 * by this user: a new key at every start would make stored MFA and API-key secrets unreadable and
 * sign everyone out.
 */
export function loadOrCreateSecrets(
  configured: { jwtSecret: string | undefined; authServerKey: string | undefined },
  file: string,
): NodeSecrets {
  const stored = (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}) as Partial<NodeSecrets>;
  // Only what configuration does not give is kept in the file: a configured secret never lands on disk.
  const kept: Partial<Record<keyof NodeSecrets, string>> = {};
  const pick = (key: keyof NodeSecrets, fromConfig: string | undefined, fresh: () => string): string => {
    if (fromConfig) return fromConfig;
    return (kept[key] = stored[key] ?? fresh());
  };
  const secrets: NodeSecrets = {
    jwtSecret: pick('jwtSecret', configured.jwtSecret, () => randomBytes(48).toString('base64url')),
    authServerKey: pick('authServerKey', configured.authServerKey, () => randomBytes(32).toString('hex')),
  };
  if (Object.keys(kept).length > 0 && JSON.stringify(kept) !== JSON.stringify(stored)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(kept), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return secrets;
}
