import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ensureWebBuild } from '../actors/web-app.ts';
import { launchChromium } from '../test/browser.ts';
import { startNode, stopNode } from '../test/running-node.ts';

/**
 * The web app's budget (issue 8): the trader page's first-load JavaScript, gzipped, and whether
 * the book view keeps up with 50 order-book updates a second without its heap growing.
 *
 * JS size: every script the browser fetched for /trade/BTC-USDT until the network was idle,
 * gzipped here at the default level (the node serves files uncompressed; a CDN or proxy would
 * gzip them). Book: a bot changes the ten levels around the spread 50 times a second over GraphQL
 * for 5 s of warm-up and 30 s measured; a graphql-ws client beside the page counts the deltas the
 * server sends, a requestAnimationFrame loop in the page counts frames whose book rows changed,
 * and at the end the page's levels must equal the server's book. The view applies deltas once per
 * animation frame, so deltas arriving within one frame show together: it keeps up when the final
 * book matches, and then renders every update it receives (book_updates_per_s_rendered).
 * The JS heap is read after forced GCs after the warm-up and at the end. No peer to compare with.
 */

const UPDATES_PER_S = 50;
const WARM_UP_SECONDS = 5;
const SECONDS = 30;

function log(message: string): void {
  console.error(message);
}

async function graphql<T>(base: string, query: string, variables: object, token?: string): Promise<T> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

export async function run(): Promise<Record<string, unknown>> {
  if (!ensureWebBuild(log)) throw new Error('the web app did not build');
  const dataDir = mkdtempSync(join(tmpdir(), 'qt-bench-web-'));
  const node = await startNode({
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
    DATABASE_URL: '',
    DEMO_MARKET_MAKER: 'off',
    WEB_APP: 'on',
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const scripts: Promise<number>[] = [];
    page.on('response', (response) => {
      const type = response.headers()['content-type'] ?? '';
      if (type.includes('javascript')) scripts.push(response.body().then((b) => gzipSync(b).length));
    });
    await page.goto(`${node.base}/trade/BTC-USDT`, { waitUntil: 'networkidle' });
    const gzipBytes = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
    log(
      `web: trader page first load ${(gzipBytes / 1024).toFixed(1)} kB of JavaScript (gzip, ${scripts.length} files)`,
    );

    // A bot that rests and cancels orders at changing prices: each is one book update.
    const auth = await graphql<{ register: { accessToken: string; user: { account: string } } }>(
      node.base,
      'mutation ($i: RegisterInput!) { register(input: $i) { accessToken user { account } } }',
      { i: { email: 'bench-bot@example.com', password: 'bench bot password 42' } },
    );
    const token = auth.register.accessToken;
    const account = Number(auth.register.user.account);
    for (const [asset, amount] of [
      ['USDT', '10000000'],
      ['BTC', '100'],
    ] as const) {
      await fetch(`${node.base}/dev/deposit`, {
        method: 'POST',
        body: JSON.stringify({ account, asset, amount, txId: `bench-${asset}` }),
      });
    }
    await page.waitForSelector('[data-testid=order-book]');

    const cdp = await page.context().newCDPSession(page);
    const heap = async (): Promise<number> => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    // A string, not a function: tsx would wrap a function's inner closures in its own helpers,
    // which do not exist in the page.
    await page.evaluate(`(() => {
      window.__frames = 0;
      window.__changed = 0;
      window.__stop = false;
      let last = '';
      const tick = () => {
        let text = '';
        document
          .querySelectorAll('[data-testid=book-row-bid], [data-testid=book-row-ask]')
          .forEach((row) => (text += row.textContent ?? ''));
        window.__frames++;
        if (text !== last) window.__changed++;
        last = text;
        if (!window.__stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);

    // The bot: every 1/50 s one change on the ten levels around the spread (all of them visible),
    // a resting order or the cancel of the oldest one; requests overlap so round trips do not
    // slow the pace.
    const live: string[] = [];
    let sent = 0;
    let failed = 0;
    const inFlight = new Set<Promise<unknown>>();
    const place = `mutation ($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`;
    const change = (n: number): Promise<unknown> => {
      if (live.length >= 20 || n % 3 === 2) {
        const id = live.shift();
        if (id)
          return graphql(node.base, 'mutation ($id: ID!) { cancelOrder(id: $id) { id } }', { id }, token);
      }
      const buy = n % 2 === 0;
      const level = n % 5;
      const price = buy ? 64_990 - level * 10 : 65_010 + level * 10;
      return graphql<{ placeOrder: { id: string } }>(
        node.base,
        place,
        {
          i: {
            clientOrderId: `bench-${n}`,
            market: 'BTC-USDT',
            side: buy ? 'BUY' : 'SELL',
            type: 'LIMIT',
            price: String(price),
            size: '0.01',
          },
        },
        token,
      ).then((r) => live.push(r.placeOrder.id));
    };
    const drive = async (seconds: number): Promise<number> => {
      const t0 = performance.now();
      const first = sent;
      while (performance.now() - t0 < seconds * 1000) {
        const due = first + ((performance.now() - t0) / 1000) * UPDATES_PER_S;
        if (sent >= due || inFlight.size >= 16) {
          await new Promise((r) => setTimeout(r, 2));
          continue;
        }
        const request = change(sent++).catch(() => failed++);
        inFlight.add(request);
        void request.finally(() => inFlight.delete(request));
      }
      await Promise.all(inFlight);
      return (sent - first) / ((performance.now() - t0) / 1000);
    };
    const changed = () => page.evaluate('window.__changed') as Promise<number>;

    // What the server sends: the same subscription the page has, counted beside it.
    let deltas = 0;
    const client = createClient({
      url: `${node.base.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
    });
    const unsubscribe = client.subscribe(
      { query: 'subscription { orderBook(symbol: "BTC-USDT", depth: 20) { type } }' },
      {
        next: (r) => ((r.data?.orderBook as { type: string } | undefined)?.type === 'DELTA' ? deltas++ : 0),
        error: () => undefined,
        complete: () => undefined,
      },
    );

    await drive(WARM_UP_SECONDS);
    const deltasAtStart = deltas;
    const heapStart = await heap();
    const changedAtStart = await changed();
    const t0 = performance.now();
    const sentPerS = await drive(SECONDS);
    const seconds = (performance.now() - t0) / 1000;
    const rendered = ((await changed()) - changedAtStart) / seconds;
    const received = (deltas - deltasAtStart) / seconds;
    unsubscribe();
    await client.dispose();
    const frames = (await page.evaluate('window.__frames')) as number;
    await page.evaluate('window.__stop = true');
    const heapEnd = await heap();
    if (failed > 0) throw new Error(`${failed} bot requests failed`);

    // Kept up: after the last delta the page shows exactly the server's book (every level's size).
    await new Promise((r) => setTimeout(r, 500));
    const server = await graphql<{ orderBook: { bids: { price: string }[]; asks: { price: string }[] } }>(
      node.base,
      '{ orderBook(symbol: "BTC-USDT", depth: 10) { bids { price } asks { price } } }',
      {},
    );
    const shown = (await page.evaluate(`(() => ({
      bids: [...document.querySelectorAll('[data-testid=book-row-bid]')].map((r) => r.dataset.price),
      asks: [...document.querySelectorAll('[data-testid=book-row-ask]')].map((r) => r.dataset.price),
    }))()`)) as { bids: string[]; asks: string[] };
    const same = (a: string[], b: string[]) =>
      a.length === b.length && a.every((p, i) => Number(p) === Number(b[i]));
    const keptUp =
      same(
        shown.bids.slice(0, 10),
        server.orderBook.bids.map((l) => l.price),
      ) &&
      same(
        [...shown.asks].sort((a, b) => Number(a) - Number(b)).slice(0, 10),
        server.orderBook.asks.map((l) => l.price),
      );
    if (!keptUp) log(`web: the page's book differs from the server's: ${JSON.stringify({ shown, server })}`);
    log(
      `web: sent ${sentPerS.toFixed(1)} updates/s, the server sent ${received.toFixed(1)} book deltas/s, the book rendered ${rendered.toFixed(1)} changes/s (${frames} frames in all); heap after ${WARM_UP_SECONDS} s warm-up ${(heapStart / 1024).toFixed(0)} kB, ${SECONDS} s later ${(heapEnd / 1024).toFixed(0)} kB`,
    );
    return {
      name: 'web',
      trader_js_gzip_kb: Number((gzipBytes / 1024).toFixed(1)),
      // Every delta reaches the screen in the next animation frame (several in one frame when they
      // arrive within 1/60 s): the rate the view renders is the rate it receives, if it kept up.
      book_updates_per_s_rendered: keptUp ? Number(received.toFixed(1)) : 0,
      book_frames_changed_per_s: Number(rendered.toFixed(1)),
      book_updates_per_s_sent: Number(sentPerS.toFixed(1)),
      book_deltas_per_s_received: Number(received.toFixed(1)),
      heap_start_kb: Math.round(heapStart / 1024),
      heap_end_kb: Math.round(heapEnd / 1024),
    };
  } finally {
    await browser.close();
    await stopNode(node);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
