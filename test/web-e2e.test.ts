import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../actors/web-app.ts';
import { totpCode, totpStep } from '../graph/auth/totp.ts';
import { chromiumAvailable, launchChromium } from './browser.ts';
import { requireService } from './services.ts';
import { startNode, stopNode } from './running-node.ts';
import type { RunningNode } from './running-node.ts';

/**
 * The web app end to end, as `npm start` serves it, in Debian's Chromium: two traders register,
 * fund themselves from the development faucet, one rests a limit sell that the other crosses,
 * both see the fill and their balances change; an admin (MFA) halts the market from the admin
 * panel and the trader's terminal shows it halted; an SRE (MFA) restarts an actor from the SRE
 * page and its restart counter goes up. Screenshots go to test-results/.
 */

const withChromium = requireService('Chromium', chromiumAvailable(), 'apt-get install -y chromium');
const SHOTS = join(process.cwd(), 'test-results');
const ADMIN = 'admin@e2e.example.com';
const SRE = 'sre@e2e.example.com';
const PASSWORD = 'correct horse battery 42';

let node: RunningNode;
let browser: Browser;
let dataDir: string;

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `web-e2e-${name}.png`), fullPage: true });

async function register(page: Page, email: string): Promise<void> {
  await page.goto(`${node.base}/register`);
  await page.getByTestId('register-email').fill(email);
  await page.getByTestId('register-password').fill(PASSWORD);
  await page.getByTestId('register-confirm').fill(PASSWORD);
  await page.getByTestId('register-submit').click();
  await page.waitForURL(/\/trade\//);
}

/** Turns MFA on from /account, then logs in again with a fresh code (admin pages need an MFA session). */
async function enableMfaAndRelogin(page: Page, email: string): Promise<void> {
  await page.goto(`${node.base}/account`);
  await page.getByTestId('mfa-enable').click();
  const secret = (await page.getByTestId('mfa-secret').textContent())!.trim();
  // The previous step's code (accepted within the ±1 window) for enrolment, the current one to log in:
  // a code is refused once its step, or an earlier one, was used.
  const step = totpStep(Date.now());
  await page.getByTestId('mfa-code').fill(totpCode(secret, step - 1));
  await page.getByTestId('mfa-verify').click();
  await expect.poll(() => page.getByTestId('mfa-status').textContent()).toMatch(/on|enabled/i);
  await page.getByTestId('account-menu').click();
  await page.getByTestId('logout').click();
  await page.goto(`${node.base}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('login-totp').fill(totpCode(secret, totpStep(Date.now())));
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

async function placeOrder(page: Page, side: 'buy' | 'sell', price: string, size: string): Promise<void> {
  await page.getByTestId(`side-${side}`).click();
  await page.getByTestId('order-type').selectOption('LIMIT');
  await page.getByTestId('order-price').fill(price);
  await page.getByTestId('order-size').fill(size);
  await page.getByTestId('order-submit').click();
  await expect.poll(() => page.getByTestId('order-result').textContent(), { timeout: 15_000 }).toBeTruthy();
}

async function balance(page: Page, asset: string): Promise<string | null> {
  await page.getByTestId('tab-balances').click();
  const cell = page.locator(`[data-testid=balance-row][data-asset=${asset}] [data-testid=balance-available]`);
  return (await cell.count()) === 0 ? null : cell.getAttribute('data-value');
}

/** The development faucet under the balances tab. */
async function fund(page: Page): Promise<void> {
  await page.getByTestId('tab-balances').click();
  await page.getByTestId('demo-funds').click();
  await expect.poll(() => page.getByTestId('demo-funds-result').textContent()).toBeTruthy();
  await expect.poll(() => balance(page, 'USDT')).not.toBeNull();
}

describe.skipIf(!withChromium)('web app in Chromium against npm start', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    if (!ensureWebBuild(() => undefined)) throw new Error('the web app did not build');
    dataDir = mkdtempSync(join(tmpdir(), 'qt-web-e2e-'));
    node = await startNode({
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      DATABASE_URL: '',
      DEMO_MARKET_MAKER: 'off',
      WEB_APP: 'on',
      ADMIN_EMAILS: ADMIN,
      SRE_EMAILS: SRE,
    });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (node) await stopNode(node, 'SIGKILL');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('web - two traders cross; an admin halts the market; an SRE restart shows in the tree', async () => {
    const maker = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    const taker = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();

    await register(maker, 'maker@e2e.example.com');
    await fund(maker);
    await placeOrder(maker, 'sell', '65000', '0.5');
    await expect
      .poll(() => maker.getByTestId('book-row-ask').filter({ hasText: '65,000' }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await maker.getByTestId('tab-open').click();
    await expect.poll(() => maker.getByTestId('open-order-row').count()).toBe(1);
    await shot(maker, '1-resting-order');
    const makerUsdtBefore = await balance(maker, 'USDT');

    await register(taker, 'taker@e2e.example.com');
    await fund(taker);
    await expect
      .poll(() => taker.getByTestId('book-row-ask').filter({ hasText: '65,000' }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    const takerBtcBefore = await balance(taker, 'BTC');
    await placeOrder(taker, 'buy', '65000', '0.2');

    for (const page of [maker, taker]) {
      await page.getByTestId('tab-fills').click();
      await expect.poll(() => page.getByTestId('fill-row').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    }
    await expect.poll(() => balance(taker, 'BTC'), { timeout: 15_000 }).not.toBe(takerBtcBefore);
    await expect.poll(() => balance(maker, 'USDT'), { timeout: 15_000 }).not.toBe(makerUsdtBefore);
    await shot(maker, '2-maker-after-fill');
    await shot(taker, '3-taker-after-fill');

    // The admin halts BTC-USDT from the admin panel; the trader's terminal shows it halted.
    const admin = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await register(admin, ADMIN);
    await enableMfaAndRelogin(admin, ADMIN);
    await admin.goto(`${node.base}/manage/markets`);
    await admin.getByTestId('admin-reason').fill('e2e: halt drill');
    await admin.getByTestId('market-halt-BTC-USDT').click();
    // With a valid reason already given, the command runs at once (no confirm step).
    await expect
      .poll(() => admin.getByTestId('market-status-BTC-USDT').textContent(), { timeout: 15_000 })
      .toMatch(/HALTED/i);
    await shot(admin, '4-admin-halted');
    await expect
      .poll(() => maker.getByTestId('market-status').textContent(), { timeout: 20_000 })
      .toMatch(/halted/i);
    await shot(maker, '5-trader-sees-halt');

    // The SRE restarts the market's actor; its restart counter goes up.
    const sre = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await register(sre, SRE);
    await enableMfaAndRelogin(sre, SRE);
    await sre.goto(`${node.base}/sre`);
    const restarts = sre.getByTestId('sre-restarts-market/BTC-USDT');
    await expect.poll(() => restarts.count(), { timeout: 15_000 }).toBe(1);
    const before = Number((await restarts.textContent())!.trim());
    await sre.getByTestId('sre-reason').fill('e2e: restart drill');
    await sre.getByTestId('sre-restart-market/BTC-USDT').click();
    await expect
      .poll(async () => Number((await restarts.textContent())!.trim()), { timeout: 15_000 })
      .toBe(before + 1);
    await shot(sre, '6-sre-restart');
  }, 300_000);
});
