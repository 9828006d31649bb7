/**
 * Varnish in front of local Masthead server processes, with deploy/varnish/masthead.vcl: what the
 * end-to-end tests and the benchmarks run, and a way to try the shared cache by hand:
 *
 *   node server/varnish.ts --listen 127.0.0.1:6081 --backend 127.0.0.1:3000 [--backend 127.0.0.1:3001 …]
 *
 * then `PURGE_URLS=http://127.0.0.1:6081/ npm start`. Writes masthead-backends.vcl (the backends,
 * round-robin, and a purge ACL of loopback) into a work folder of its own and runs varnishd in the
 * foreground; a signal stops it, and the folder is removed.
 */
import { spawn } from 'node:child_process'
import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    listen: { type: 'string', default: '127.0.0.1:6081' },
    backend: { type: 'string', multiple: true, default: ['127.0.0.1:3000'] },
    storage: { type: 'string', default: 'malloc,256m' },
  },
})

/** The site-specific VCL masthead.vcl includes: one probed backend per origin, round-robin. */
function backendsVcl(origins: string[]): string {
  const backends = origins.map((origin, i) => {
    const { hostname, port } = new URL(`http://${origin}`)
    if (!port) throw new Error(`--backend needs host:port, got ${JSON.stringify(origin)}`)
    return `backend masthead_${i + 1} {\n    .host = "${hostname}";\n    .port = "${port}";\n    .probe = masthead_health;\n}\n`
  })
  const members = origins.map((_, i) => `    origin.add_backend(masthead_${i + 1});`).join('\n')
  return `${backends.join('\n')}\nacl purgers {\n    "127.0.0.1";\n    "::1";\n}\n\nsub vcl_init {\n    new origin = directors.round_robin();\n${members}\n}\n`
}

const root = path.resolve(import.meta.dirname, '..')
const work = mkdtempSync(path.join(os.tmpdir(), 'masthead-varnish-'))
// Run as root, varnishd reads and compiles VCL as its own unprivileged user, who may not be able to
// reach the checkout (a clone under a 0700 temporary folder): both files go into a folder it can read.
chmodSync(work, 0o755)
const vcl = path.join(work, 'masthead.vcl')
copyFileSync(path.join(root, 'deploy', 'varnish', 'masthead.vcl'), vcl)
chmodSync(vcl, 0o644)
writeFileSync(path.join(work, 'masthead-backends.vcl'), backendsVcl(values.backend), { mode: 0o644 })

const varnishd = spawn(
  'varnishd',
  [
    '-F', // foreground: this script owns it
    '-n', path.join(work, 'instance'), // a state folder of its own, so instances never collide
    '-a', values.listen,
    '-T', 'none', // no management port: nothing here needs one
    '-f', vcl,
    '-p', `vcl_path=${work}`, // where masthead.vcl finds masthead-backends.vcl
    '-s', values.storage,
  ],
  { stdio: 'inherit' },
)
const cleanUp = () => rmSync(work, { recursive: true, force: true })
varnishd.on('error', (error) => {
  console.error(`[masthead] could not run varnishd (apt-get install -y varnish varnish-modules): ${error.message}`)
  cleanUp()
  process.exit(1)
})
varnishd.on('exit', (code, signal) => {
  cleanUp()
  process.exit(code ?? (signal ? 1 : 0))
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => varnishd.kill(signal))
console.log(`[masthead] Varnish on http://${values.listen} in front of ${values.backend.join(', ')} (work folder ${work})`)
