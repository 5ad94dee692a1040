import adapter from '@sveltejs/adapter-static';

/**
 * A single-page app: the node serves web/build on its own origin (same origin as /graphql), and
 * every unknown path falls back to index.html so client-side routes work on reload.
 */
/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
  },
};

export default config;
