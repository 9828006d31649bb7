/** The attack: `levels` fragments, each spreading the next one twice (2^levels fields once expanded). */
export function doublingFragments(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === levels - 1 ? `fragment F${i} on Article { title }` : `fragment F${i} on Article { title ...F${i + 1} ...F${i + 1} }`,
  )
  return `{ Articles { docs { ...F0 } } }\n${fragments.join('\n')}`
}

/** Same-named fields six wide at three levels: GraphQL's overlap check compares 216 x pairwise. */
export function mergedFields(width = 6): string {
  const rep = (f: (i: number) => string) => Array.from({ length: width }, (_, i) => f(i)).join(' ')
  return `{ Articles { ${rep(() => `docs { ${rep(() => `authors { ${rep((k) => `name photo(draft: ${k % 2 === 0}) { id }`)} }`)} }`)} } }`
}
