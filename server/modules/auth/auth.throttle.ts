import { MINUTE } from '../../lib/clock';

export const LOGIN_WINDOW = 15 * MINUTE;

/**
 * Sign-in limits per 15 minutes. Failures are counted by address, by account *and* address, and by
 * account across addresses; the last one spares addresses the account signed in from before, so a
 * stranger guessing from elsewhere cannot lock the real user out (OWASP: lockout must not become a
 * denial of service).
 */
export const LOGIN_LIMITS = {
  perAddress: 30,
  perAccountAddress: 10,
  perAccount: 100,
  /** This many failures on one account in the window tell the account holder and the admins. */
  burst: 10,
} as const;

class Window {
  private readonly hits = new Map<string, number[]>();

  count(key: string, now: number): number {
    const kept = (this.hits.get(key) ?? []).filter((at) => now - at < LOGIN_WINDOW);
    if (kept.length === 0) this.hits.delete(key);
    else this.hits.set(key, kept);
    return kept.length;
  }

  /** Milliseconds until the oldest hit in the window leaves it. */
  waitMs(key: string, now: number): number {
    const oldest = this.hits.get(key)?.[0] ?? now;
    return Math.max(1000, LOGIN_WINDOW - (now - oldest));
  }

  add(key: string, at: number): void {
    this.hits.set(key, [...(this.hits.get(key) ?? []), at]);
  }

  remove(key: string, at: number): void {
    const list = this.hits.get(key) ?? [];
    const i = list.indexOf(at);
    if (i >= 0) list.splice(i, 1);
  }

  /** Drops keys whose hits all left the window, so the maps cannot grow without end. */
  sweep(now: number): void {
    for (const key of [...this.hits.keys()]) this.count(key, now);
  }
}

export interface Attempt {
  account: string;
  ip: string;
  at: number;
}

export class LoginThrottle {
  private readonly byAddress = new Window();
  private readonly byPair = new Window();
  private readonly byAccount = new Window();
  private readonly failures = new Window();
  private sweptAt = 0;

  /**
   * Reserves an attempt before the password is checked, so concurrent guesses count at once; answers
   * the attempt, or the seconds to wait.
   */
  begin(email: string, ip: string, now: number, knownAddress: boolean): Attempt | { retryAfter: number } {
    if (now - this.sweptAt > LOGIN_WINDOW) {
      for (const w of [this.byAddress, this.byPair, this.byAccount, this.failures]) w.sweep(now);
      this.sweptAt = now;
    }
    const account = email.trim().toLowerCase();
    const pair = `${account} ${ip}`;
    const checks: [Window, string, number][] = [
      [this.byAddress, ip, LOGIN_LIMITS.perAddress],
      [this.byPair, pair, LOGIN_LIMITS.perAccountAddress],
    ];
    if (!knownAddress) checks.push([this.byAccount, account, LOGIN_LIMITS.perAccount]);
    for (const [w, key, max] of checks) {
      if (w.count(key, now) >= max) return { retryAfter: Math.ceil(w.waitMs(key, now) / 1000) };
    }
    this.byAddress.add(ip, now);
    this.byPair.add(pair, now);
    this.byAccount.add(account, now);
    return { account, ip, at: now };
  }

  /** A right password is not a guess: it frees what it reserved. */
  succeeded(a: Attempt): void {
    this.byAddress.remove(a.ip, a.at);
    this.byPair.remove(`${a.account} ${a.ip}`, a.at);
    this.byAccount.remove(a.account, a.at);
  }

  /** Answers true exactly once per burst: when the account's failures reach LOGIN_LIMITS.burst. */
  failed(a: Attempt, now: number): boolean {
    this.failures.add(a.account, now);
    return this.failures.count(a.account, now) === LOGIN_LIMITS.burst;
  }
}
