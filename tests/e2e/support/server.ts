/** Where the end-to-end server listens: its own port, so it never meets a developer's `npm start`. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210)
export const E2E_URL = `http://localhost:${E2E_PORT}`
/** Varnish in front (playwright.config.ts starts it), and the second server process behind it. */
export const E2E_VARNISH_URL = `http://127.0.0.1:${Number(process.env.E2E_VARNISH_PORT ?? E2E_PORT + 2)}`
export const SECOND_PORT = E2E_PORT + 1
