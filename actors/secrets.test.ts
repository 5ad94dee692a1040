import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateSecrets } from './secrets.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('node secrets', () => {
  it('secrets - generated once, kept private, the same after a restart', () => {
    dir = mkdtempSync(join(tmpdir(), 'qt-secrets-'));
    const file = join(dir, 'data', 'secrets.json');
    const first = loadOrCreateSecrets({ jwtSecret: undefined, authServerKey: undefined }, file);
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.authServerKey).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSecrets({ jwtSecret: undefined, authServerKey: undefined }, file)).toEqual(first);
  });

  it('secrets - configured ones win and are never written to disk', () => {
    dir = mkdtempSync(join(tmpdir(), 'qt-secrets-'));
    const file = join(dir, 'secrets.json');
    const jwtSecret = 'configured-secret-configured-secret-0123';
    const secrets = loadOrCreateSecrets({ jwtSecret, authServerKey: undefined }, file);
    expect(secrets.jwtSecret).toBe(jwtSecret);
    expect(readFileSync(file, 'utf8')).not.toContain(jwtSecret);
  });
});
