// A client-rendered app behind the gateway: no server-side rendering, no prerendered pages.
export const ssr = false;
export const prerender = false;
