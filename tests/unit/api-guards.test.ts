import type { AfterErrorHookArgs } from 'payload'
import { describe, expect, it } from 'vitest'
import { namelessErrors, unreadableJson } from '@/lib/security/api-guards'

const UNKNOWN = { errors: [{ message: 'An unknown error occurred.' }] }
const args = (error: Error, query: Record<string, unknown> = {}) =>
  ({ error, result: UNKNOWN, req: { query }, context: {} }) as unknown as AfterErrorHookArgs

/** An error as Payload's classes make it in the minified production build: status kept, name lost. */
const nameless = (message: string, status: number, isPublic?: boolean) => Object.assign(new Error(message), { name: '', status, isPublic })

describe('namelessErrors', () => {
  it("puts back a client error's own message", () => {
    expect(namelessErrors(args(nameless('chart.svg was refused: it contains SVG.', 400)))).toEqual({
      response: { errors: [{ message: 'chart.svg was refused: it contains SVG.' }] },
    })
    expect(namelessErrors(args(nameless('Not Found', 404)))).toMatchObject({ response: { errors: [{ message: 'Not Found' }] } })
  })

  it('keeps server errors unexplained', () => {
    expect(namelessErrors(args(nameless('SQLITE_BUSY: database is locked', 500)))).toBeUndefined()
    expect(namelessErrors(args(new Error('boom')))).toBeUndefined()
  })
})

describe('unreadableJson', () => {
  it('names what could not be read', () => {
    const syntax = () => {
      try {
        JSON.parse('abc')
      } catch (error) {
        return error as SyntaxError
      }
      throw new Error('unreachable')
    }
    expect(unreadableJson(args(syntax(), { where: 'abc' }))).toMatchObject({
      status: 400,
      response: { errors: [{ message: expect.stringMatching(/^The where parameter is not valid JSON \(.+\)\.$/) }] },
    })
  })

  it('leaves other errors alone', () => {
    expect(unreadableJson(args(nameless('Forbidden', 403)))).toBeUndefined()
  })
})
