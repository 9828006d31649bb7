/**
 * How the browser tests and the Lighthouse bench start Debian's Chromium: the same flags, so a page
 * audited by one is the page tested by the other. Loaded by Node directly too (bench/): erasable
 * TypeScript, no imports.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
