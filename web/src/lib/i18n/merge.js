// Merges the translations of the modules; two modules may not claim the same top-level key.
export function mergeMessages(...parts) {
  const out = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (key in out) throw new Error(`translation group "${key}" is defined by two modules`);
      out[key] = value;
    }
  }
  return out;
}
