/** The attack: `levels` fragments, each spreading the next one twice (2^levels fields once expanded). */
export function doublingFragments(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === levels - 1 ? `fragment F${i} on Article { title }` : `fragment F${i} on Article { title ...F${i + 1} ...F${i + 1} }`,
  )
  return `{ Articles { docs { ...F0 } } }\n${fragments.join('\n')}`
}
