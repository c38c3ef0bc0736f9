// Ids for records the user creates (evidence, courses, their own codes): random UUIDs, with a fallback for the rare
// context without crypto.randomUUID (insecure origins in tests).

export function newId(prefix = 'id'): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
