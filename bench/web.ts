import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureWebBuild } from '../actors/web-app.ts';
import { launchChromium } from '../test/browser.ts';
import { startNode, stopNode } from '../test/running-node.ts';

/**
 * The web app's budget (issue 8): the trader page's first-load JavaScript, gzipped, and how many
 * order-book updates per second the book view renders while a bot changes the book 50 times a
 * second, with the JS heap measured after forced GCs at the start and the end (it must not grow).
 *
 * JS size: every script the browser fetched for /trade/BTC-USDT until the network was idle,
 * gzipped here at the default level (the node serves files uncompressed; a CDN or proxy would
 * gzip them). Rendered updates: a requestAnimationFrame loop in the page notes each frame whose
 * book rows differ from the previous frame's. No peer library to compare with.
 */

const UPDATES_PER_S = 50;
const SECONDS = 20;

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
    await page.waitForSelector('[data-testid=book-row-bid], [data-testid=book-loading]');

    const cdp = await page.context().newCDPSession(page);
    const heap = async (): Promise<number> => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    await page.evaluate(() => {
      const w = window as unknown as { __frames: number; __changed: number; __stop: boolean };
      w.__frames = 0;
      w.__changed = 0;
      w.__stop = false;
      let last = '';
      const tick = (): void => {
        const rows = document.querySelectorAll('[data-testid=book-row-bid], [data-testid=book-row-ask]');
        let text = '';
        rows.forEach((row) => (text += row.textContent ?? ''));
        w.__frames++;
        if (text !== last) w.__changed++;
        last = text;
        if (!w.__stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });

    const heapStart = await heap();
    const live: string[] = [];
    let sent = 0;
    const t0 = performance.now();
    const changedAtStart = await page.evaluate(() => (window as unknown as { __changed: number }).__changed);
    const place = `mutation ($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`;
    while (performance.now() - t0 < SECONDS * 1000) {
      const due = ((performance.now() - t0) / 1000) * UPDATES_PER_S;
      if (sent >= due) {
        await new Promise((r) => setTimeout(r, 2));
        continue;
      }
      if (live.length < 20) {
        const buy = sent % 2 === 0;
        const price = buy ? 60_000 - (sent % 40) * 10 : 70_000 + (sent % 40) * 10;
        const placed = await graphql<{ placeOrder: { id: string } }>(
          node.base,
          place,
          {
            i: {
              clientOrderId: `bench-${sent}`,
              market: 'BTC-USDT',
              side: buy ? 'BUY' : 'SELL',
              type: 'LIMIT',
              price: String(price),
              size: '0.01',
            },
          },
          token,
        );
        live.push(placed.placeOrder.id);
      } else {
        const id = live.shift()!;
        await graphql(node.base, 'mutation ($id: ID!) { cancelOrder(id: $id) { id } }', { id }, token);
      }
      sent++;
    }
    const seconds = (performance.now() - t0) / 1000;
    await new Promise((r) => setTimeout(r, 500));
    const { changed, frames } = await page.evaluate(() => {
      const w = window as unknown as { __frames: number; __changed: number; __stop: boolean };
      w.__stop = true;
      return { changed: w.__changed, frames: w.__frames };
    });
    const heapEnd = await heap();
    const rendered = (changed - changedAtStart) / seconds;
    log(
      `web: sent ${(sent / seconds).toFixed(1)} updates/s, book rendered ${rendered.toFixed(1)} changes/s over ${frames} frames; heap ${(heapStart / 1024).toFixed(0)} -> ${(heapEnd / 1024).toFixed(0)} kB`,
    );
    return {
      name: 'web',
      trader_js_gzip_kb: Number((gzipBytes / 1024).toFixed(1)),
      book_updates_per_s_rendered: Number(rendered.toFixed(1)),
      book_updates_per_s_sent: Number((sent / seconds).toFixed(1)),
      heap_start_kb: Math.round(heapStart / 1024),
      heap_end_kb: Math.round(heapEnd / 1024),
    };
  } finally {
    await browser.close();
    await stopNode(node);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
