/**
 * `npm run bench:throughput`: requests per second and latency of the article page and the home page
 * under load (autocannon, 50 connections, 20 s each; BENCH_DURATION=<seconds> to shorten), next to
 * the very same HTML bytes served as static files by nginx on the same machine, and the same pages
 * through Varnish (deploy/varnish/masthead.vcl) in front of our server. Both without and with
 * `Accept-Encoding: gzip` (our server sends a copy gzipped once per page; nginx gzips each response
 * at level 6; Varnish keeps our gzipped copy and gunzips it for clients that do not take gzip).
 *
 * Targets: ours / nginx ≥ 0.30 in requests per second, p99 < 100 ms, no errors.
 */
import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import autocannon, { type Result } from 'autocannon'
import { ms1, pass, printTable, secondsFromEnv } from './support/report.ts'
import { helperPort, makeTempDir, SEED_ARTICLE, sleep, startServer, startVarnish, varnishAvailable } from './support/server.ts'

const CONNECTIONS = 50
const DURATION = secondsFromEnv('BENCH_DURATION', 20)
const TARGET_RATIO = 0.3
const TARGET_P99_MS = 100

const PAGES = [
  { name: 'article', path: SEED_ARTICLE, file: 'article.html', nginxPath: '/article' },
  { name: 'home', path: '/', file: 'index.html', nginxPath: '/' },
] as const
const ENCODINGS = [
  { name: 'identity', headers: {} as Record<string, string> },
  { name: 'gzip', headers: { 'accept-encoding': 'gzip' } as Record<string, string> },
] as const

/** The raw bytes of a response, and its headers, with exactly the headers given (fetch would add Accept-Encoding). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Buffer; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, timeout: 30_000 }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks), headers: response.headers }))
      response.on('error', reject)
    })
    request.on('timeout', () => request.destroy(new Error(`timeout: ${url}`)))
    request.on('error', reject)
  })
}

function nginxAvailable(): boolean {
  const probe = spawnSync('nginx', ['-v'], { stdio: 'ignore' })
  return !probe.error && probe.status === 0
}

interface Nginx {
  url: string
  stop(): Promise<void>
}

/** nginx in the foreground on a loopback port, serving `www/` from the temp folder; one worker, like Node's one thread. */
async function startNginx(dir: string): Promise<Nginx> {
  const port = await helperPort('nginx')
  for (const sub of ['www', 'tmp', 'logs']) mkdirSync(path.join(dir, sub), { recursive: true })
  // Run as root, nginx's workers drop to an unprivileged user: they must be able to read the files.
  for (const sub of ['', 'www']) chmodSync(path.join(dir, sub), 0o755)
  for (const file of readdirSync(path.join(dir, 'www'))) chmodSync(path.join(dir, 'www', file), 0o644)
  const conf = path.join(dir, 'nginx.conf')
  writeFileSync(
    conf,
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  types { text/html html; }
  default_type text/html;
  charset utf-8;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  keepalive_requests 1000000;
  gzip on;
  gzip_comp_level 6;
  gzip_types text/html;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/www;
    location = /article { try_files /article.html =404; }
    location = / { try_files /index.html =404; }
  }
}
`,
  )
  const child = spawn('nginx', ['-p', dir, '-c', conf, '-e', `${dir}/logs/error.log`], { detached: true, stdio: 'ignore' })
  const pid = child.pid!
  let exited = false
  child.on('exit', () => (exited = true))
  const kill = () => {
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {
      /* gone */
    }
  }
  process.on('exit', kill)
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    if (exited) throw new Error(`nginx exited at once: ${readFileSync(`${dir}/logs/error.log`, 'utf8')}`)
    if (i === 100) throw new Error(`nginx did not serve / within 10 s: ${readFileSync(`${dir}/logs/error.log`, 'utf8')}`)
    try {
      if ((await rawGet(`${url}/`)).status === 200) break
    } catch {
      /* not yet */
    }
    await sleep(100)
  }
  return {
    url,
    async stop() {
      try {
        process.kill(-pid, 'SIGQUIT') // graceful shutdown
      } catch {
        /* gone */
      }
      for (let i = 0; i < 50 && !exited; i++) await sleep(100)
      kill()
    },
  }
}

/** A short unmeasured run first (JIT, connection set-up, caches), then the measured one. */
async function load(url: string, headers: Record<string, string>): Promise<Result> {
  await autocannon({ url, connections: CONNECTIONS, duration: Math.min(3, DURATION), headers, timeout: 10 })
  return autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers, timeout: 10 })
}

async function main(): Promise<void> {
  const haveNginx = nginxAvailable()
  if (!haveNginx) {
    console.error('[bench] nginx is not on PATH: the nginx rows are skipped. Install it with:  apt-get install -y nginx-light')
  }
  const haveVarnish = varnishAvailable()
  if (!haveVarnish) {
    console.error('[bench] varnishd is not on PATH: the Varnish rows are skipped. Install it with:  apt-get install -y varnish varnish-modules')
  }
  const varnishPort = await helperPort('varnish')
  const server = await startServer({ label: 'throughput', env: haveVarnish ? { PURGE_URLS: `http://127.0.0.1:${varnishPort}/` } : {} })
  const loadBefore = os.loadavg()[0]!.toFixed(2)
  const work = makeTempDir('masthead-bench-nginx-')
  let nginx: Nginx | null = null
  let varnish: { url: string; stop(): Promise<void> } | null = null
  try {
    // Render once and warm the cache, then keep the exact bytes our server sends.
    const sizes: Record<string, { html: number; gzip: number | null; gzipped: boolean }> = {}
    mkdirSync(path.join(work, 'www'), { recursive: true })
    for (const page of PAGES) {
      for (let i = 0; i < 20; i++) await rawGet(`${server.url}${page.path}`)
      const plain = await rawGet(`${server.url}${page.path}`)
      if (plain.status !== 200) throw new Error(`${page.path} answered ${plain.status}`)
      writeFileSync(path.join(work, 'www', page.file), plain.body)
      const zipped = await rawGet(`${server.url}${page.path}`, { 'accept-encoding': 'gzip' })
      sizes[page.name] = {
        html: plain.body.length,
        gzip: zipped.headers['content-encoding'] === 'gzip' ? zipped.body.length : null,
        gzipped: zipped.headers['content-encoding'] === 'gzip',
      }
    }
    if (haveVarnish) {
      varnish = await startVarnish(varnishPort, [server.url.slice('http://'.length)], work)
      for (const page of PAGES) {
        await rawGet(`${varnish.url}${page.path}`)
        const served = await rawGet(`${varnish.url}${page.path}`)
        const file = readFileSync(path.join(work, 'www', page.file))
        if (served.status !== 200 || !served.body.equals(file) || served.headers['x-cache'] !== 'HIT') {
          throw new Error(`Varnish does not serve the same bytes from its cache for ${page.name}: ${served.status} ${served.headers['x-cache']}, ${served.body.length} B instead of ${file.length} B`)
        }
      }
    }
    if (haveNginx) {
      nginx = await startNginx(work)
      for (const page of PAGES) {
        const served = await rawGet(`${nginx.url}${page.nginxPath}`)
        const file = readFileSync(path.join(work, 'www', page.file))
        if (served.status !== 200 || !served.body.equals(file)) {
          throw new Error(`nginx does not serve the same bytes for ${page.name}: ${served.status}, ${served.body.length} B instead of ${file.length} B`)
        }
      }
    }

    const rows: (string | number)[][] = [['encoding', 'page', 'server', 'bytes', 'req/s', 'p50', 'p99', 'errors', 'non-2xx']]
    const verdicts: (string | number)[][] = [
      ['encoding', 'page', 'ours/nginx', `target ≥ ${TARGET_RATIO}`, 'our p99', `p99 < ${TARGET_P99_MS} ms`, 'our errors + non-2xx', 'zero errors', 'varnish/nginx'],
    ]
    for (const encoding of ENCODINGS) {
      for (const page of PAGES) {
        const size = sizes[page.name]!
        const bytes = encoding.name === 'gzip' ? (size.gzip ?? size.html) : size.html
        console.error(`[bench] ${encoding.name} ${page.name}: ours, ${DURATION} s × ${CONNECTIONS} connections`)
        const ours = await load(`${server.url}${page.path}`, encoding.headers)
        rows.push([encoding.name, page.name, 'masthead (npm start)', bytes, Math.round(ours.requests.average), ms1(ours.latency.p50), ms1(ours.latency.p99), ours.errors + ours.timeouts, ours.non2xx])
        let ratio: number | null = null
        if (nginx) {
          console.error(`[bench] ${encoding.name} ${page.name}: nginx`)
          const theirs = await load(`${nginx.url}${page.nginxPath}`, encoding.headers)
          rows.push([encoding.name, page.name, 'nginx (same bytes)', '', Math.round(theirs.requests.average), ms1(theirs.latency.p50), ms1(theirs.latency.p99), theirs.errors + theirs.timeouts, theirs.non2xx])
          ratio = ours.requests.average / theirs.requests.average
        }
        let varnishRatio = '– (no Varnish)'
        if (varnish) {
          console.error(`[bench] ${encoding.name} ${page.name}: Varnish in front of ours`)
          const cached = await load(`${varnish.url}${page.path}`, encoding.headers)
          rows.push([encoding.name, page.name, 'varnish (masthead.vcl)', '', Math.round(cached.requests.average), ms1(cached.latency.p50), ms1(cached.latency.p99), cached.errors + cached.timeouts, cached.non2xx])
          varnishRatio = ratio === null ? '– (no nginx)' : (cached.requests.average / (ours.requests.average / ratio)).toFixed(3)
        }
        const failures = ours.errors + ours.timeouts + ours.non2xx
        verdicts.push([
          encoding.name,
          page.name,
          ratio === null ? '– (no nginx)' : ratio.toFixed(3),
          ratio === null ? 'skipped' : pass(ratio >= TARGET_RATIO),
          ms1(ours.latency.p99),
          pass(ours.latency.p99 < TARGET_P99_MS),
          failures,
          pass(failures === 0),
          varnishRatio,
        ])
      }
    }
    const load1 = os.loadavg()[0]!.toFixed(2)
    printTable(
      `Throughput: ${CONNECTIONS} connections, ${DURATION} s per row after a ${Math.min(3, DURATION)} s warm-up ` +
        `(${os.cpus().length} CPUs, autocannon on the same machine; 1-min load average ${loadBefore} before, ${load1} after)`,
      rows,
    )
    printTable('Targets', verdicts)
    const notes = PAGES.map((page) => {
      const size = sizes[page.name]!
      return `${page.name}: ${size.html} B of HTML, ${size.gzipped ? `${size.gzip} B gzipped` : 'not gzipped'}`
    })
    console.log(`\n${notes.join('; ')}. nginx: 1 worker, sendfile, gzip level 6 per response; ours: cached pages gzipped once at zlib's default level, 6; Varnish: default thread pools, malloc storage, serving its cached copy (a hit).`)
  } finally {
    await varnish?.stop()
    await nginx?.stop()
    await server.stop()
    rmSync(work, { recursive: true, force: true })
  }
}

await main()
process.exit(0)
