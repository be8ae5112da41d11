// Citizens search for the same things again and again (storskrald, pas, åbningstider).
// Anonymous results pages are kept for as long as the index has not changed.
import type { SearchIndex } from './search-index.ts';

interface Entry {
  generation: number;
  total: number;
  html: string;
}

export class ResultsPageCache {
  private readonly pages = new Map<string, Entry>();

  constructor(
    private readonly index: SearchIndex,
    private readonly maxEntries = 1000,
  ) {}

  get(key: string): Entry | undefined {
    const entry = this.pages.get(key);
    if (entry && entry.generation !== this.index.currentGeneration) {
      this.pages.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Keeps a page made from a search in `generation`; a page from an index that has moved on since (an edit applied while the request awaited the database) is not kept. */
  set(key: string, generation: number, total: number, html: string): void {
    if (generation !== this.index.currentGeneration) return;
    // Oldest first out: a Map iterates in insertion order.
    if (this.pages.size >= this.maxEntries) this.pages.delete(this.pages.keys().next().value!);
    this.pages.set(key, { generation, total, html });
  }
}
