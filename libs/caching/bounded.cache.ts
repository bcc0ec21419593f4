/**
 * Keeps `value` under `key` in a process-local cache of at most `size` entries, the oldest going first when it is
 * full, and returns it. Every in-memory cache of the apps (verified tokens, seat hints, feeds, programme pages) is
 * bounded this way: a Map keeps insertion order, which is all the eviction these caches need, so no LRU library.
 */
export function remember<K, T>(cache: Map<K, T>, size: number, key: K, value: T): T {
  if (cache.size >= size) cache.delete(cache.keys().next().value as K);
  cache.set(key, value);
  return value;
}
