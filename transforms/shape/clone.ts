/**
 * A deep copy of a syntax tree. Trees here are plain data (objects, arrays, strings, numbers,
 * booleans), which a plain recursive copy handles several times faster than structuredClone;
 * each output copies the whole guideline twice, so this is a large share of the transform.
 */
export function cloneTree<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map(cloneTree) as T
  const copy: Record<string, unknown> = {}
  for (const [key, child] of Object.entries(value)) copy[key] = cloneTree(child)
  return copy as T
}
