import { type PayloadRequest, ValidationError } from 'payload'

/**
 * A 400 naming each refused field, whose message is the sentences themselves rather than Payload's
 * "The following field is invalid": that is what GraphQL clients and the admin's toast show.
 */
export function refusal(collection: string, errors: { path: string; message: string }[], req: PayloadRequest): ValidationError {
  const error = new ValidationError({ collection, errors, req })
  error.message = errors.map((fieldError) => fieldError.message).join(' ')
  return error
}
