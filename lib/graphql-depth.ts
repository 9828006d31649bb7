import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql'

/**
 * A validation rule that refuses queries nested deeper than `maxDepth` fields (fragments followed,
 * introspection included), before anything runs: a hostile query costs one parse, not a database.
 */
export function depthLimit(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>()
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
    }

    const depthOf = (selectionSet: SelectionSetNode | undefined, seen: Set<string>): number => {
      if (!selectionSet) return 0
      let deepest = 0
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, seen) : 1)
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, seen))
        } else {
          const name = selection.name.value
          const fragment = fragments.get(name)
          // A fragment spread inside itself is refused by GraphQL's own rules; don't loop on it here.
          if (fragment && !seen.has(name)) deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set([...seen, name])))
        }
        if (deepest > maxDepth) return deepest
      }
      return deepest
    }

    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, new Set())
        if (depth > maxDepth) {
          const name = operation.name ? `"${operation.name.value}"` : 'The query'
          context.reportError(
            new GraphQLError(`${name} is nested ${depth} levels deep; at most ${maxDepth} are allowed.`, {
              nodes: [operation],
            }),
          )
        }
      },
    }
  }
}
