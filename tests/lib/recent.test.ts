import { describe, expect, it } from 'vitest';
import { RecentAnswers } from '../../server/lib/recent';

describe('RecentAnswers', () => {
  it('computes a key once while it is kept, keeps at most its limit and lets the oldest go first', () => {
    const calls: string[] = [];
    const recent = new RecentAnswers<string | null>(2);
    const get = (k: string) =>
      recent.get(k, () => {
        calls.push(k);
        return k === 'none' ? null : k.toUpperCase();
      });
    expect(get('a')).toBe('A');
    expect(get('none')).toBeNull();
    expect(get('a')).toBe('A');
    expect(get('none')).toBeNull();
    expect(calls).toEqual(['a', 'none']);
    get('b'); // 'a' is the oldest: it goes
    get('none');
    get('a');
    expect(calls).toEqual(['a', 'none', 'b', 'a']);
  });
});
