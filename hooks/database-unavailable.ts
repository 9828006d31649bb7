import type { AfterErrorHook } from 'payload'
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '@/lib/platform/db-errors'

/**
 * An unreachable database is the server's temporary problem, not the client's mistake and not a bug:
 * the API answers 503 with a plain message (no stack, no driver internals) instead of a 500.
 */
export const databaseUnavailable: AfterErrorHook = ({ error, graphqlResult, req }) => {
  if (!isDatabaseUnavailable(error)) return
  req.payload.logger.error({ msg: `database unavailable: ${error.message}` })
  return {
    status: 503,
    response: { errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE }] },
    graphqlResult: graphqlResult && {
      ...graphqlResult,
      message: DATABASE_UNAVAILABLE_MESSAGE,
      extensions: { ...graphqlResult.extensions, statusCode: 503 },
    },
  }
}
