import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, gql } from './testing/client.ts';
import { startTestGateway } from './testing/harness.ts';
import type { TestGateway } from './testing/harness.ts';
import { testAuthenticate } from './testing/test-auth.ts';

let prod: TestGateway;
let dev: TestGateway;

beforeAll(async () => {
  prod = await startTestGateway(testAuthenticate, {
    maxBodyBytes: 4_096,
    corsOrigins: ['https://app.quantatrade.test'],
  });
  dev = await startTestGateway(testAuthenticate, { development: true });
});

afterAll(async () => {
  await prod.stop();
  await dev.stop();
});

const nested = (depth: number) => {
  let selection = 'symbol';
  for (let i = 0; i < depth; i++)
    selection = `children { ${selection === 'symbol' ? 'address' : selection} }`;
  return `{ actorTree { ${selection} } }`;
};

describe('gateway limits and hardening', () => {
  it('malformed query - GRAPHQL_PARSE_FAILED', async () => {
    const r = await gql(prod.url, '{ markets { symbol }');
    expect(codes(r)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('unknown field and bad enum literal - GRAPHQL_VALIDATION_FAILED or BAD_USER_INPUT, no suggestions in production', async () => {
    const unknown = await gql(prod.url, '{ markets { symbl } }');
    expect(unknown.errors).toHaveLength(1);
    expect(unknown.errors![0]!.message).not.toContain('Did you mean');
    expect(codes(unknown)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const badEnum = await gql(prod.url, '{ candles(symbol: "BTC-USDT", interval: M2) { open } }');
    expect(codes(badEnum)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(badEnum.errors![0]!.message).not.toContain('Did you mean');
    const badVar = await gql(
      prod.url,
      'query ($i: CandleInterval!) { candles(symbol: "BTC-USDT", interval: $i) { open } }',
      {
        i: 'MINUTE',
      },
    );
    expect(codes(badVar)).toEqual(['BAD_USER_INPUT']);
  });

  it('too deep, too many aliases, too many tokens - QUERY_TOO_COMPLEX before anything runs', async () => {
    expect(codes(await gql(prod.url, nested(12)))).toEqual(['QUERY_TOO_COMPLEX']);
    const aliases = `{ ${Array.from({ length: 30 }, (_, i) => `m${i}: markets { symbol }`).join(' ')} }`;
    expect(codes(await gql(prod.url, aliases))).toContain('QUERY_TOO_COMPLEX');
    const tokens = `{ markets { ${'symbol '.repeat(1_200)} } }`;
    expect(codes(await gql(dev.url, tokens))).toContain('QUERY_TOO_COMPLEX');
  });

  it('huge numbers - Int literals and variables past 2^31 are refused', async () => {
    expect(
      codes(await gql(prod.url, '{ orderBook(symbol: "BTC-USDT", depth: 99999999999) { seq } }'))[0],
    ).toMatch(/^(GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT)$/);
    const r = await gql(prod.url, 'query ($d: Int) { orderBook(symbol: "BTC-USDT", depth: $d) { seq } }', {
      d: 1e20,
    });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  });

  it('body size - a body over the limit is 413 PAYLOAD_TOO_LARGE', async () => {
    const r = await gql(prod.url, `{ markets { symbol } } # ${'x'.repeat(5_000)}`);
    expect(r.status).toBe(413);
    expect(codes(r)).toEqual(['PAYLOAD_TOO_LARGE']);
  });

  it('body size - a streamed body over the limit, and a client gone mid-body, leave the gateway serving', async () => {
    const { hostname, port, pathname } = new URL(prod.url);
    const raw = (head: string, body: string, end: boolean) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), hostname, () => {
          socket.write(head + body);
          if (end) socket.end();
          else setTimeout(() => socket.destroy(), 50);
        });
        let answer = '';
        socket.on('data', (chunk) => (answer += String(chunk)));
        socket.on('close', () => resolve(answer));
        socket.on('error', reject);
      });
    // Chunked, no length declared: refused once the streamed bytes pass the limit.
    const chunk = 'x'.repeat(5_000);
    const chunked = `POST ${pathname} HTTP/1.1\r\nhost: gw\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n`;
    expect(await raw(chunked, `${chunk.length.toString(16)}\r\n${chunk}\r\n0\r\n\r\n`, true)).toMatch(
      /^HTTP\/1\.1 413/,
    );
    // A declared body that never comes: the client leaves, nothing waits for it.
    const partial = `POST ${pathname} HTTP/1.1\r\nhost: gw\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n`;
    await raw(partial, '{"query":', false);
    expect((await gql(prod.url, '{ markets { symbol } }')).errors).toBeUndefined();
  });

  it('introspection and GraphiQL - off in production, on in development', async () => {
    const introspect = '{ __schema { queryType { name } } }';
    expect(codes(await gql(prod.url, introspect))[0]).toMatch(/^(GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT)$/);
    expect((await gql(dev.url, introspect)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const page = (url: string) => fetch(url, { headers: { accept: 'text/html' } });
    expect(await (await page(dev.url)).text()).toContain('GraphiQL');
    expect((await page(prod.url)).headers.get('content-type') ?? '').not.toContain('text/html');
  });

  it('CORS - only allowlisted origins are echoed', async () => {
    const preflight = (origin: string) =>
      fetch(prod.url, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const allowed = await preflight('https://app.quantatrade.test');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.quantatrade.test');
    const other = await preflight('https://evil.test');
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.test');
    expect(other.headers.get('access-control-allow-origin')).not.toBe('*');
  });

  it('unexpected errors - masked as INTERNAL with no internals in the message', async () => {
    const broken = await startTestGateway(async () => {
      throw new Error('database password is hunter2');
    });
    try {
      const r = await gql(broken.url, '{ markets { symbol } }');
      expect(codes(r)).toEqual(['INTERNAL']);
      expect(JSON.stringify(r)).not.toContain('hunter2');
    } finally {
      await broken.stop();
    }
  });

  it('request log - names the operation and user, never Authorization, API keys or variables', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logged = await startTestGateway(testAuthenticate, { logger: pino(sink) });
    try {
      await gql(
        logged.url,
        'mutation Login($p: String!) { login(input: { email: "a@b.c", password: $p }) { accessToken } }',
        { p: 'pa55-SECRET' },
        {
          authorization: 'Bearer eyJ.SECRET-TOKEN',
          'x-api-key': 'qk_SECRET_KEY',
          'x-api-signature': 'SECRET-SIG',
          'x-test-user': '7',
        },
      );
      const log = lines.join('');
      expect(log).toContain('"operation":"Login"');
      expect(log).toContain('"userId":"user-7"');
      expect(log).not.toMatch(/SECRET|pa55|authorization|x-api-key/i);
    } finally {
      await logged.stop();
    }
  });

  it("myFeeTier - the signed-in account's tier and rates", async () => {
    const r = await gql(prod.url, '{ myFeeTier { tier makerBps takerBps } }', {}, { 'x-test-user': '5' });
    expect(r.data).toEqual({ myFeeTier: { tier: 'Base', makerBps: 15, takerBps: 25 } });
  });
});
