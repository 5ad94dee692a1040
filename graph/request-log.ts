import type { Logger } from 'pino';

/**
 * What a request log line may say. Headers are allowlisted, never blocklisted: Authorization,
 * cookies, API keys and signatures (whatever their header names turn out to be) are simply never
 * read. Variables are not logged at all (they carry passwords, TOTP codes, API secrets); only the
 * operation's name and type are.
 */
const LOGGED_HEADERS = ['user-agent', 'content-length', 'origin', 'x-request-id'] as const;

export interface RequestLogFields {
  readonly requestId: string;
  readonly transport: 'http' | 'ws';
  readonly ip: string | undefined;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly operationName?: string | null | undefined;
  readonly userId?: string | undefined;
}

/** The operation's name: as sent, or the first named operation of the document. */
export function operationNameOf(params: {
  operationName?: string | null;
  query?: string | null;
}): string | undefined {
  return (
    params.operationName ?? /^\s*(?:query|mutation|subscription)\s+(\w{1,100})/.exec(params.query ?? '')?.[1]
  );
}

export function requestLogLine(fields: RequestLogFields): Record<string, unknown> {
  const headers: Record<string, string> = {};
  for (const name of LOGGED_HEADERS) {
    const value = fields.headers[name];
    if (typeof value === 'string') headers[name] = value.slice(0, 200);
  }
  return {
    requestId: fields.requestId,
    transport: fields.transport,
    ip: fields.ip,
    headers,
    ...(fields.operationName ? { operation: fields.operationName.slice(0, 100) } : {}),
    ...(fields.userId ? { userId: fields.userId } : {}),
  };
}

export function logRequest(logger: Logger | undefined, fields: RequestLogFields, message: string): void {
  logger?.info(requestLogLine(fields), message);
}
