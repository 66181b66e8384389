/**
 * A deep copy of a syntax tree. Trees here are plain data (objects, arrays, strings, numbers,
 * booleans), which a plain recursive copy handles several times faster than structuredClone;
 * each output copies the whole guideline twice, so this is a large share of the transform.
 */
export function cloneTree<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map((item: unknown) => cloneTree(item)) as T
  const copy: Record<string, unknown> = {}
  // Own properties, in order, as Object.entries gives them (a tree is plain data), without the array of pairs.
  for (const key in value) copy[key] = cloneTree((value as Record<string, unknown>)[key])
  return copy as T
}
