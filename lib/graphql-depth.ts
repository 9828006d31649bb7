import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql'

/** What a document costs once its fragments are expanded, measured without expanding them. */
export interface DocumentSize {
  /** The deepest operation's nesting in fields (introspection included). */
  depth: number
  /** Name of the deepest operation, when it has one. */
  deepestOperation?: string
  /** Field selections the server would resolve-plan after expanding every fragment spread. */
  fields: number
  /** A fragment that spreads itself, directly or through others, as the path that closes the loop. */
  cycle?: string[]
}

interface Measure {
  depth: number
  fields: number
}

/**
 * Measures every fragment once (memoised), so a document whose fragments each spread the next one
 * twice costs one pass, not 2^levels: walking a fragment again per spread is what let 1.7 KB of
 * fragments freeze the server. A cycle is reported instead of followed. `fields` saturates at
 * `Number.MAX_SAFE_INTEGER` rather than overflowing into meaningless numbers.
 */
export function measureDocument(document: DocumentNode): DocumentSize {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
  }
  const measured = new Map<string, Measure>()
  const visiting: string[] = []
  let cycle: string[] | undefined

  const add = (a: number, b: number) => Math.min(a + b, Number.MAX_SAFE_INTEGER)

  const fragment = (name: string): Measure => {
    const known = measured.get(name)
    if (known) return known
    const definition = fragments.get(name)
    // Unknown fragments are refused by GraphQL's own validation; they cost nothing here.
    if (!definition) return { depth: 0, fields: 0 }
    const open = visiting.indexOf(name)
    if (open >= 0) {
      cycle ??= [...visiting.slice(open), name]
      return { depth: 0, fields: 0 }
    }
    visiting.push(name)
    const result = selections(definition.selectionSet)
    visiting.pop()
    measured.set(name, result)
    return result
  }

  const selections = (set: SelectionSetNode): Measure => {
    let depth = 0
    let fields = 0
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const inner = selection.selectionSet ? selections(selection.selectionSet) : { depth: 0, fields: 0 }
        depth = Math.max(depth, 1 + inner.depth)
        fields = add(fields, add(1, inner.fields))
      } else {
        const inner = selection.kind === Kind.INLINE_FRAGMENT ? selections(selection.selectionSet) : fragment(selection.name.value)
        depth = Math.max(depth, inner.depth)
        fields = add(fields, inner.fields)
      }
    }
    return { depth, fields }
  }

  const size: DocumentSize = { depth: 0, fields: 0 }
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragment(definition.name.value)
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue
    const operation = selections(definition.selectionSet)
    size.fields = add(size.fields, operation.fields)
    if (operation.depth > size.depth) {
      size.depth = operation.depth
      size.deepestOperation = definition.name?.value
    }
  }
  if (cycle) size.cycle = cycle
  return size
}
