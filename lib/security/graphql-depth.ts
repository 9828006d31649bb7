import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql'

/** What a document costs once its fragments are expanded, measured without expanding them. */
export interface DocumentSize {
  /** The deepest operation's nesting in fields (introspection included). */
  depth: number
  /** Name of the deepest operation, when it has one. */
  deepestOperation?: string
  /** Field selections the server would resolve-plan after expanding every fragment spread. */
  fields: number
  /**
   * The most fields GraphQL merges into one response field (same response name in one selection
   * set, fragments spread, and parents already merged). GraphQL's OverlappingFieldsCanBeMerged rule
   * compares those pairwise: 2 KB of `y { y { x(l: N) … } … }` six wide cost it 400 ms. With this
   * bounded and `fields` bounded, its work is at most their product.
   */
  merged: number
  /** A fragment that spreads itself, directly or through others, as the path that closes the loop. */
  cycle?: string[]
}

/** Response names at one level, each with how many fields merge into it and what they select. */
type Merged = Map<string, { count: number; children: Merged }>

interface Measure {
  depth: number
  fields: number
  merged: Merged
}

const EMPTY: Measure = { depth: 0, fields: 0, merged: new Map() }

/**
 * Measures every fragment once (memoised), so a document whose fragments each spread the next one
 * twice costs one pass, not 2^levels: walking a fragment again per spread is what let 1.7 KB of
 * fragments freeze the server. A spread copies its fragment's merged names (bounded by the
 * document's size), never its expansion. A cycle is reported instead of followed. Counts saturate
 * at `Number.MAX_SAFE_INTEGER` rather than overflowing into meaningless numbers.
 */
export function measureDocument(document: DocumentNode): DocumentSize {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
  }
  const measured = new Map<string, Measure>()
  const visiting: string[] = []
  let cycle: string[] | undefined
  let mostMerged = 0

  const add = (a: number, b: number) => Math.min(a + b, Number.MAX_SAFE_INTEGER)

  const merge = (into: Merged, name: string, count: number, children: Merged) => {
    let node = into.get(name)
    if (!node) into.set(name, (node = { count: 0, children: new Map() }))
    node.count = add(node.count, count)
    mostMerged = Math.max(mostMerged, node.count)
    for (const [child, inner] of children) merge(node.children, child, inner.count, inner.children)
  }

  const fragment = (name: string): Measure => {
    const known = measured.get(name)
    if (known) return known
    const definition = fragments.get(name)
    // Unknown fragments are refused by GraphQL's own validation; they cost nothing here.
    if (!definition) return EMPTY
    const open = visiting.indexOf(name)
    if (open >= 0) {
      cycle ??= [...visiting.slice(open), name]
      return EMPTY
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
    const merged: Merged = new Map()
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const inner = selection.selectionSet ? selections(selection.selectionSet) : EMPTY
        depth = Math.max(depth, 1 + inner.depth)
        fields = add(fields, add(1, inner.fields))
        merge(merged, (selection.alias ?? selection.name).value, 1, inner.merged)
      } else {
        const inner = selection.kind === Kind.INLINE_FRAGMENT ? selections(selection.selectionSet) : fragment(selection.name.value)
        depth = Math.max(depth, inner.depth)
        fields = add(fields, inner.fields)
        for (const [name, node] of inner.merged) merge(merged, name, node.count, node.children)
      }
    }
    return { depth, fields, merged }
  }

  const size: DocumentSize = { depth: 0, fields: 0, merged: 0 }
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
  size.merged = mostMerged
  if (cycle) size.cycle = cycle
  return size
}
