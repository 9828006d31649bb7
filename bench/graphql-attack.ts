/**
 * `npm run bench:graphql-attack`: how long the server takes to refuse hostile GraphQL documents
 * sent anonymously (fragments that double at every level, same-named fields that GraphQL would
 * compare pairwise, a fragment cycle, a 60,000-character query), and how long `/robots.txt` takes while they arrive, 5 connections sending each attack
 * 20 times. The refusals happen before GraphQL's validation (lib/security/graphql-guard.ts), so neither
 * should grow with the attack's nominal size.
 *
 * Target: each refusal < 50 ms (median and max); robots.txt < 50 ms at the median meanwhile.
 */
import { doublingFragments, mergedFields } from '../tests/unit/support/graphql-attacks.ts'
import { median, ms, pass, printTable, timedGet } from './support/report.ts'
import { startServer } from './support/server.ts'

const ROUNDS = 20
const CONNECTIONS = 5
const TARGET_MS = 50

const ATTACKS: [string, string][] = [
  ['doubling fragments, 19 levels', doublingFragments(19)],
  ['doubling fragments, 40 levels', doublingFragments(40)],
  ['same-named fields merged, 6 wide × 3 levels', mergedFields(6)],
  ['fragment cycle', '{ Articles { docs { ...A } } } fragment A on Article { title ...B } fragment B on Article { ...A }'],
  ['60,000-character query', `{ Articles(where: { title: { like: "${'a'.repeat(60_000)}" } }) { docs { id } } }`],
]

async function refuse(url: string, query: string): Promise<{ ms: number; status: number }> {
  const started = performance.now()
  const response = await fetch(`${url}/api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query }),
  })
  await response.text()
  return { ms: performance.now() - started, status: response.status }
}

async function main(): Promise<void> {
  const server = await startServer({ label: 'graphql-attack' })
  let ok = false
  try {
    const rows: (string | number)[][] = []
    for (const [name, query] of ATTACKS) {
      const times: number[] = []
      const statuses = new Set<number>()
      const robots: number[] = []
      let done = false
      const reader = (async () => {
        while (!done) robots.push((await timedGet(`${server.url}/robots.txt`)).ms)
      })()
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          for (let i = 0; i < ROUNDS; i++) {
            const { ms: took, status } = await refuse(server.url, query)
            times.push(took)
            statuses.add(status)
          }
        }),
      )
      done = true
      await reader
      const worst = Math.max(...times)
      rows.push([name, [...statuses].join(','), ms(median(times)), ms(worst), ms(median(robots)), pass(median(times) < TARGET_MS && worst < TARGET_MS && median(robots) < TARGET_MS)])
    }
    printTable(`Hostile GraphQL, anonymous (${CONNECTIONS} connections × ${ROUNDS}); target < ${TARGET_MS} ms`, [
      ['document', 'status', 'median', 'max', 'robots.txt median', 'result'],
      ...rows,
    ])
    ok = true
  } finally {
    await server.stop({ keepDir: !ok })
  }
}

await main()
process.exit(0)
