/**
 * `npm run bench -- <name>`: runs one benchmark; its last stdout line is one JSON object
 * `{"name":…, metrics…, "baseline":…, "ratio":…}`.
 */
const benches: Record<string, () => Promise<Record<string, unknown>>> = {
  actor: async () => (await import('./actor.ts')).run(),
  book: async () => (await import('./book.ts')).run(),
  'book-deep': async () => (await import('./book-deep.ts')).run(),
  settle: async () => (await import('./settle.ts')).run(),
  marketdata: async () => (await import('./marketdata.ts')).run(),
  gateway: async () => (await import('./gateway.ts')).run(),
  indexer: async () => (await import('./indexer.ts')).run(),
  web: async () => (await import('./web.ts')).run(),
};

const name = process.argv[2];
const bench = name ? benches[name] : undefined;
if (!bench) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}>`);
  process.exit(2);
}
const result = await bench();
console.log(JSON.stringify(result));
process.exit(0);
