/** The newsroom's sections: the value is the URL slug (/sections/<value>), the label what readers see. */
export const SECTIONS = [
  { label: 'World', value: 'world' },
  { label: 'Politics', value: 'politics' },
  { label: 'Business', value: 'business' },
  { label: 'Technology', value: 'technology' },
  { label: 'Science', value: 'science' },
  { label: 'Health', value: 'health' },
  { label: 'Culture', value: 'culture' },
  { label: 'Sport', value: 'sport' },
  { label: 'Opinion', value: 'opinion' },
] as const

export function sectionLabel(value: string): string | undefined {
  return SECTIONS.find((section) => section.value === value)?.label
}
