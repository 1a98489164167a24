// What a stage derives from one page's words alone, kept by those words: after a reviewer corrects
// one word, the re-analysis reads that page again and takes every other page's result from here.
// What the case as a whole decides (who is who across pages, the timeline, the findings) is derived
// again in full, since one corrected name can change any of it.

/** A bounded cache, least recently used out first; values are cloned in and out, as stages change what they get. */
export class PageMemo<V> {
  private readonly entries = new Map<string, V>();
  hits = 0;
  misses = 0;

  constructor(private readonly capacity: number) {}

  get(key: string, derive: () => V): V {
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, found);
      return structuredClone(found);
    }
    this.misses++;
    const value = derive();
    this.entries.set(key, structuredClone(value));
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
