import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('config', () => {
  it('config - ADMIN_EMAILS and SRE_EMAILS are comma-separated emails, lower-cased; none by default', () => {
    expect(loadConfig({}).roleEmails).toEqual({ admin: [], sre: [] });
    const config = loadConfig({
      ADMIN_EMAILS: ' Boss@Example.com, ,ops-lead@example.com',
      SRE_EMAILS: 'ops@example.com',
    });
    expect(config.roleEmails).toEqual({
      admin: ['boss@example.com', 'ops-lead@example.com'],
      sre: ['ops@example.com'],
    });
  });

  it('config - a malformed email stops the node with the variable named', () => {
    expect(() => loadConfig({ ADMIN_EMAILS: 'boss@example.com,not-an-email' })).toThrow(ConfigError);
    expect(() => loadConfig({ SRE_EMAILS: 'x@' })).toThrow(/SRE_EMAILS/);
  });
});
