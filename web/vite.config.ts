/// <reference types="vitest/config" />
import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vite';

// `npm run dev -w web` proxies the API to a running node (npm start) on QT_NODE or :8080.
const node = process.env['QT_NODE'] ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [sveltekit(), svelteTesting()],
  server: { proxy: { '/graphql': { target: node, ws: true } } },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
  },
});
