/**
 * `npm run bench:throughput`: requests per second and latency of the article page and the home page
 * under load (autocannon, 50 connections), next to the very same bytes served as static files by
 * nginx on the same machine, and the same pages through Varnish (deploy/varnish/masthead.vcl) in
 * front of our server, without compression, with gzip and with brotli.
 *
 * The machine is shared and its speed swings from one row to the next, so rows are interleaved:
 * ours, nginx, Varnish, ours, nginx, Varnish… (BENCH_ROUNDS rounds, default 4, BENCH_DURATION
 * seconds each, default 8), and each round's ratio is taken between rows that ran side by side. The
 * table gives the median ratio with its min–max, and the 1-minute load average before and after.
 *
 * nginx gets the fastest configuration found for serving fixed bytes: one worker (our server is
 * one Node thread), sendfile, tcp_nopush, open_file_cache, no access log, and the compressed copies
 * precompressed on disk (gzip_static, and a .br file for brotli, which nginx-light cannot compress):
 * it compresses nothing per request, as our cached pages do not either.
 *
 * Targets on the medians: ours / nginx ≥ 0.6 (origin alone), Varnish / nginx ≥ 0.9, p99 < 100 ms,
 * no errors. Bytes per page for each encoding are printed with them.
 */
import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import autocannon, { type Result } from 'autocannon'
import { median, ms1, pass, printTable, secondsFromEnv } from './support/report.ts'
import { helperPort, makeTempDir, SEED_ARTICLE, sleep, startServer, startVarnish, varnishAvailable } from './support/server.ts'

const CONNECTIONS = 50
const DURATION = secondsFromEnv('BENCH_DURATION', 8)
const ROUNDS = Math.max(1, Math.round(Number(process.env.BENCH_ROUNDS ?? 4)))
const TARGET_ORIGIN = 0.6
const TARGET_VARNISH = 0.9
const TARGET_P99_MS = 100

const PAGES = [
  { name: 'article', path: SEED_ARTICLE, file: 'article.html', nginxPath: '/article' },
  { name: 'home', path: '/', file: 'index.html', nginxPath: '/' },
] as const
/** How each encoding is asked for; nginx serves brotli from its own location (nginx-light has no brotli module to negotiate it). */
const ENCODINGS = [
  { name: 'identity', headers: {} as Record<string, string>, nginxSuffix: '' },
  { name: 'gzip', headers: { 'accept-encoding': 'gzip' } as Record<string, string>, nginxSuffix: '' },
  { name: 'br', headers: { 'accept-encoding': 'br' } as Record<string, string>, nginxSuffix: '.br' },
] as const
type Encoding = (typeof ENCODINGS)[number]['name']

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
  tcp_nodelay on;
  keepalive_timeout 65;
  keepalive_requests 1000000;
  open_file_cache max=16 inactive=60s;
  open_file_cache_valid 60s;
  server_tokens off;
  etag on;
  # Our gzipped bytes, precompressed beside each file: nothing is compressed per request.
  gzip_static on;
  gzip_vary on;
  server {
    listen 127.0.0.1:${port} backlog=4096;
    root ${dir}/www;
    location = /article { try_files /article.html =404; }
    location = / { try_files /index.html =404; }
    # Our brotli bytes as they are, named as such.
    location ~ ^/(article|index)\\.br$ {
      types { }
      default_type "text/html; charset=utf-8";
      add_header Content-Encoding br;
      add_header Vary Accept-Encoding;
      try_files /$1.html.br =404;
    }
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

/** One measured row after a short unmeasured one (connections, JIT). */
async function row(url: string, headers: Record<string, string>): Promise<Result> {
  await autocannon({ url, connections: CONNECTIONS, duration: 1, headers, timeout: 10 })
  return autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers, timeout: 10 })
}

interface Series {
  rps: number[]
  p99: number[]
  failures: number
}
const series = (): Series => ({ rps: [], p99: [], failures: 0 })
function add(into: Series, result: Result): void {
  into.rps.push(result.requests.average)
  into.p99.push(result.latency.p99)
  into.failures += result.errors + result.timeouts + result.non2xx
}

/** "0.71 (0.62–0.80)": the median of the per-round ratios, with their range. */
function ratioText(ratios: number[]): string {
  if (ratios.length === 0) return '–'
  return `${median(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`
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
  const loadBefore = os.loadavg().map((value) => value.toFixed(2)).join(' ')
  const work = makeTempDir('masthead-bench-nginx-')
  let nginx: Nginx | null = null
  let varnish: { url: string; stop(): Promise<void> } | null = null
  try {
    // Render once and warm the cache, then keep the exact bytes our server sends, per encoding.
    const sizes: Record<string, Record<Encoding, number | null>> = {}
    mkdirSync(path.join(work, 'www'), { recursive: true })
    for (const page of PAGES) {
      for (let i = 0; i < 20; i++) await rawGet(`${server.url}${page.path}`)
      const plain = await rawGet(`${server.url}${page.path}`)
      if (plain.status !== 200) throw new Error(`${page.path} answered ${plain.status}`)
      writeFileSync(path.join(work, 'www', page.file), plain.body)
      sizes[page.name] = { identity: plain.body.length, gzip: null, br: null }
      for (const [coding, suffix] of [['gzip', '.gz'], ['br', '.br']] as const) {
        const encoded = await rawGet(`${server.url}${page.path}`, { 'accept-encoding': coding })
        if (encoded.headers['content-encoding'] !== coding) continue
        writeFileSync(path.join(work, 'www', `${page.file}${suffix}`), encoded.body)
        sizes[page.name]![coding] = encoded.body.length
      }
    }
    if (haveVarnish) {
      varnish = await startVarnish(varnishPort, [server.url.slice('http://'.length)], work)
      // Each encoding from its own cached copy, byte for byte ours (not a copy Varnish decoded).
      for (const page of PAGES) {
        for (const encoding of ENCODINGS) {
          await rawGet(`${varnish.url}${page.path}`, encoding.headers)
          const served = await rawGet(`${varnish.url}${page.path}`, encoding.headers)
          const ours = await rawGet(`${server.url}${page.path}`, encoding.headers)
          if (served.status !== 200 || !served.body.equals(ours.body) || served.headers['x-cache'] !== 'HIT' || served.headers.etag !== ours.headers.etag) {
            throw new Error(
              `Varnish does not serve our ${encoding.name} bytes from its cache for ${page.name}: ${served.status} ${served.headers['x-cache']} ${served.headers['content-encoding']}, ${served.body.length} B instead of ${ours.body.length} B`,
            )
          }
        }
      }
    }
    const nginxPath = (page: (typeof PAGES)[number], encoding: (typeof ENCODINGS)[number]) =>
      encoding.nginxSuffix ? `/${page.file.replace(/\.html$/, '')}${encoding.nginxSuffix}` : page.nginxPath
    if (haveNginx) {
      nginx = await startNginx(work)
      for (const page of PAGES) {
        for (const encoding of ENCODINGS) {
          if (encoding.name !== 'identity' && sizes[page.name]![encoding.name] === null) continue
          const served = await rawGet(`${nginx.url}${nginxPath(page, encoding)}`, encoding.headers)
          const ours = await rawGet(`${server.url}${page.path}`, encoding.headers)
          if (served.status !== 200 || !served.body.equals(ours.body) || (served.headers['content-encoding'] ?? 'identity') !== (ours.headers['content-encoding'] ?? 'identity')) {
            throw new Error(`nginx does not serve the same ${encoding.name} bytes for ${page.name}: ${served.status} ${served.headers['content-encoding']}, ${served.body.length} B instead of ${ours.body.length} B`)
          }
        }
      }
    }

    const rows: (string | number)[][] = [
      ['encoding', 'page', 'bytes', 'ours req/s (median)', 'nginx req/s', 'varnish req/s', `ours/nginx (min–max), target ≥ ${TARGET_ORIGIN}`, '', `varnish/nginx (min–max), target ≥ ${TARGET_VARNISH}`, '', `our p99 (worst), < ${TARGET_P99_MS} ms`, 'our errors + non-2xx'],
    ]
    for (const encoding of ENCODINGS) {
      for (const page of PAGES) {
        const bytes = sizes[page.name]![encoding.name]
        if (bytes === null) {
          rows.push([encoding.name, page.name, 'not sent', '', '', '', '', '', '', '', '', ''])
          continue
        }
        const ours = series()
        const theirs = series()
        const cached = series()
        const originRatios: number[] = []
        const varnishRatios: number[] = []
        for (let round = 1; round <= ROUNDS; round++) {
          console.error(`[bench] ${encoding.name} ${page.name}, round ${round}/${ROUNDS}: ours${nginx ? ', nginx' : ''}${varnish ? ', Varnish' : ''} (${DURATION} s × ${CONNECTIONS} connections each; load ${os.loadavg()[0]!.toFixed(2)})`)
          const a = await row(`${server.url}${page.path}`, encoding.headers)
          add(ours, a)
          if (nginx) {
            const b = await row(`${nginx.url}${nginxPath(page, encoding)}`, encoding.headers)
            add(theirs, b)
            originRatios.push(a.requests.average / b.requests.average)
            if (varnish) {
              const c = await row(`${varnish.url}${page.path}`, encoding.headers)
              add(cached, c)
              varnishRatios.push(c.requests.average / b.requests.average)
            }
          } else if (varnish) {
            add(cached, await row(`${varnish.url}${page.path}`, encoding.headers))
          }
        }
        const originMedian = median(originRatios)
        const varnishMedian = median(varnishRatios)
        const worstP99 = Math.max(...ours.p99)
        rows.push([
          encoding.name,
          page.name,
          bytes,
          Math.round(median(ours.rps)),
          nginx ? Math.round(median(theirs.rps)) : '–',
          varnish ? Math.round(median(cached.rps)) : '–',
          ratioText(originRatios),
          originRatios.length ? pass(originMedian >= TARGET_ORIGIN) : 'skipped',
          ratioText(varnishRatios),
          varnishRatios.length ? pass(varnishMedian >= TARGET_VARNISH) : 'skipped',
          `${ms1(median(ours.p99))} (${ms1(worstP99)}) ${pass(worstP99 < TARGET_P99_MS)}`,
          `${ours.failures} ${pass(ours.failures === 0)}`,
        ])
      }
    }
    const loadAfter = os.loadavg().map((value) => value.toFixed(2)).join(' ')
    printTable(
      `Throughput: ${ROUNDS} interleaved rounds (ours, nginx, Varnish) of ${DURATION} s × ${CONNECTIONS} connections per row ` +
        `(${os.cpus().length} CPUs, autocannon on the same machine; load average 1/5/15 min ${loadBefore} before, ${loadAfter} after)`,
      rows,
    )
    const bytes = PAGES.map((page) => {
      const size = sizes[page.name]!
      return `${page.name}: ${size.identity} B of HTML, ${size.gzip ?? '–'} B gzipped, ${size.br ?? '–'} B brotli`
    })
    console.log(
      `\nBytes per page: ${bytes.join('; ')}. Ours: every cached page compressed once (gzip level 6, brotli quality 6) and sent as is. ` +
        'nginx: 1 worker, sendfile, tcp_nopush, open_file_cache, our compressed bytes precompressed on disk (gzip_static; brotli from a .br file). ' +
        'Varnish: default thread pools, malloc storage, serving its cached copy of each encoding as stored (a hit).',
    )
  } finally {
    await varnish?.stop()
    await nginx?.stop()
    await server.stop()
    rmSync(work, { recursive: true, force: true })
  }
}

await main()
process.exit(0)
