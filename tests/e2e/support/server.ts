/** Where the end-to-end server listens: its own port, so it never meets a developer's `npm start`. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210)
export const E2E_URL = `http://localhost:${E2E_PORT}`
