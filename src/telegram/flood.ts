/**
 * Per-user flood limit: a sliding one-minute window. Past the limit a user gets one polite notice,
 * then silence until the window frees up; other users are unaffected.
 */

/** What to do with one more question from a user. */
export type FloodVerdict = 'answer' | 'notice' | 'drop';

export interface FloodGuard {
  /** Count one question from `user` at time `now` (ms) and say how to treat it. */
  take(user: number, now?: number): FloodVerdict;
  /** Users currently tracked (for tests and memory checks). */
  readonly size: number;
}

export interface FloodOptions {
  /** Questions per window; 0 turns the limit off. */
  readonly limit: number;
  readonly windowMs?: number;
}

/**
 * Create a flood guard.
 *
 * @example
 * const guard = createFloodGuard({ limit: 20 });
 * guard.take(userId); // 'answer', …, then 'notice' once, then 'drop'
 */
export function createFloodGuard({ limit, windowMs = 60_000 }: FloodOptions): FloodGuard {
  const seen = new Map<number, { times: number[]; noticed: boolean }>();
  let lastSweep = 0;

  function sweep(now: number): void {
    // Forget idle users now and then, so memory follows active users, not everyone ever seen.
    if (now - lastSweep < windowMs) return;
    lastSweep = now;
    for (const [user, entry] of seen) if ((entry.times.at(-1) ?? 0) <= now - windowMs) seen.delete(user);
  }

  return {
    take(user, now = Date.now()) {
      if (limit <= 0) return 'answer';
      sweep(now);
      const entry = seen.get(user) ?? { times: [], noticed: false };
      seen.set(user, entry);
      while (entry.times.length > 0 && entry.times[0]! <= now - windowMs) entry.times.shift();
      if (entry.times.length < limit) {
        entry.times.push(now);
        entry.noticed = false;
        return 'answer';
      }
      if (entry.noticed) return 'drop';
      entry.noticed = true;
      return 'notice';
    },
    get size() {
      return seen.size;
    },
  };
}
