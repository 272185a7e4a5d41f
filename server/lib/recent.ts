/**
 * The answers of a pure, costly function for its most recent keys: at most `limit`, the oldest out
 * first. For work the hot paths repeat with the same inputs (a sender's number, a shift's start).
 */
export class RecentAnswers<V> {
  private readonly kept = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string, compute: () => V): V {
    if (this.kept.has(key)) return this.kept.get(key) as V;
    const value = compute();
    if (this.kept.size >= this.limit) this.kept.delete(this.kept.keys().next().value as string);
    this.kept.set(key, value);
    return value;
  }
}
