import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The Svelte web app (web/, a SvelteKit single-page app) served by the node on its own origin, so
 * the app reaches /graphql without CORS. `npm start` builds it first when the build is missing or
 * older than its sources.
 */

const WEB_DIR = fileURLToPath(new URL('../web/', import.meta.url));
export const WEB_BUILD_DIR = join(WEB_DIR, 'build');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

/** True when web/build is missing or older than web/src, web/static or the configs. */
export function webBuildStale(): boolean {
  const index = join(WEB_BUILD_DIR, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = [join(WEB_DIR, 'src'), join(WEB_DIR, 'static')].filter(existsSync);
  const configs = ['svelte.config.js', 'vite.config.ts', 'package.json']
    .map((f) => join(WEB_DIR, f))
    .filter(existsSync);
  const newest = Math.max(...sources.map(newestMtime), ...configs.map((f) => statSync(f).mtimeMs));
  return newest > built;
}

/** Builds the web app when stale. Returns false (and the node serves the API only) if it fails. */
export function ensureWebBuild(log: (message: string) => void): boolean {
  if (!existsSync(join(WEB_DIR, 'package.json'))) return false;
  if (!webBuildStale()) return true;
  log('building the web app (web/) ...');
  const result = spawnSync('npm', ['run', 'build', '--workspace', 'web'], {
    cwd: join(WEB_DIR, '..'),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) {
    log('the web app did not build; serving the API only');
    return false;
  }
  return true;
}

/**
 * Serves a GET/HEAD for the app: a file under web/build, else index.html for client-side routes
 * (paths without a file extension). Returns false when the request is not the app's.
 */
export function serveWebApp(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  const file = normalize(join(WEB_BUILD_DIR, decoded));
  if (!file.startsWith(WEB_BUILD_DIR + sep) && file !== WEB_BUILD_DIR) return false;
  let target = file;
  if (!existsSync(target) || !statSync(target).isFile()) {
    if (extname(decoded) !== '') return false;
    target = join(WEB_BUILD_DIR, 'index.html');
    if (!existsSync(target)) return false;
  }
  const immutable = decoded.startsWith('/_app/immutable/');
  res.writeHead(200, {
    'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
    ...(target.endsWith('.html')
      ? {
          'content-security-policy':
            "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
          'x-frame-options': 'DENY',
          'referrer-policy': 'same-origin',
        }
      : {}),
  });
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  createReadStream(target).pipe(res);
  return true;
}
