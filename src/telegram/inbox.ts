/**
 * The inbox: updates received (by polling or webhook) are journalled, then handled one at a time
 * per chat, in order, while different chats are handled side by side. An update is marked done
 * only once its handler has finished, which is after its replies were delivered (or dropped for
 * good), so a crash or stop before that leaves it in the journal for the next start.
 */
import type { Update } from 'telegraf/types';
import type { UpdateJournal } from './journal.ts';
import { laneOf, type UpdateTrack } from './route.ts';

export interface InboxOptions {
  /** Handle one update (the bot's `handleUpdate`); must not reject. */
  readonly handle: (update: Update) => Promise<unknown>;
  /** Null keeps nothing on disk (tests, or a deliberately stateless bot). */
  readonly journal: UpdateJournal | null;
  /** Called when an update is finished: time since it was received, replies delivered. */
  readonly onFinished?: (ms: number, replies: number) => void;
  readonly now?: () => number;
}

export interface Inbox {
  /** Journal `updates` durably, then queue them for handling. Rejects when the journal cannot be written. */
  receive(updates: readonly Update[]): Promise<void>;
  /** Queue what the last run left unfinished; returns how many. */
  resume(): number;
  /** The delivery bookkeeping of an update being handled (read by the bot's context). */
  trackOf(updateId: number): UpdateTrack | undefined;
  /** Updates queued or being handled. */
  readonly pending: number;
  /** Wait until nothing is pending, or `ms` pass; true when all finished. */
  drain(ms: number): Promise<boolean>;
  /** Start no more updates; those left stay in the journal. */
  stop(): void;
}

interface Queued {
  readonly update: Update;
  readonly receivedAt: number;
  readonly delivered: ReadonlySet<number>;
}

/** Handle one update with its delivery bookkeeping; mark it done unless a stop cut it short. */
async function handleTracked(item: Queued, tracks: Map<number, UpdateTrack>, options: InboxOptions, now: () => number): Promise<void> {
  const id = item.update.update_id;
  const track: UpdateTrack = {
    updateId: id,
    delivered: new Set(item.delivered),
    next: 0,
    interrupted: false,
    onDelivered: (index) => {
      track.delivered.add(index);
      options.journal?.markDelivered(id, index);
    },
  };
  tracks.set(id, track);
  try {
    await options.handle(item.update);
  } finally {
    tracks.delete(id);
  }
  if (track.interrupted) return;
  options.journal?.markDone(id);
  options.onFinished?.(now() - item.receivedAt, track.delivered.size - item.delivered.size);
}

/** Resolves true when `idle` is called, or false after `ms`. */
function waitIdle(waiters: Set<() => void>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(false), ms);
    function finish(value: boolean) {
      clearTimeout(timer);
      waiters.delete(wake);
      resolve(value);
    }
    const wake = () => finish(true);
    waiters.add(wake);
  });
}

/**
 * Create an inbox.
 *
 * @example
 * const inbox = createInbox({ handle: (u) => bot.handleUpdate(u), journal });
 * await inbox.receive(updates);
 */
export function createInbox(options: InboxOptions): Inbox {
  const now = options.now ?? Date.now;
  const lanes = new Map<string, Queued[]>();
  const tracks = new Map<number, UpdateTrack>();
  const idleWaiters = new Set<() => void>();
  let pending = 0;
  let stopped = false;

  async function run(key: string, queue: Queued[]): Promise<void> {
    for (let item = queue[0]; item && !stopped; item = queue[0]) {
      await handleTracked(item, tracks, options, now).catch(() => undefined);
      queue.shift();
      pending--;
    }
    pending -= queue.length;
    lanes.delete(key);
    if (pending === 0) for (const wake of [...idleWaiters]) wake();
  }

  function enqueue(item: Queued): void {
    if (stopped) return;
    const key = laneOf(item.update);
    const queue = lanes.get(key);
    pending++;
    if (queue) queue.push(item);
    else {
      const fresh = [item];
      lanes.set(key, fresh);
      void run(key, fresh);
    }
  }

  return {
    async receive(updates) {
      const fresh = options.journal ? await options.journal.accept(updates) : updates;
      const t = now();
      for (const update of fresh) enqueue({ update, receivedAt: t, delivered: new Set() });
    },
    resume() {
      const left = options.journal?.leftOver ?? [];
      for (const p of left) enqueue({ update: p.update, receivedAt: now(), delivered: p.delivered });
      return left.length;
    },
    trackOf: (updateId) => tracks.get(updateId),
    get pending() {
      return pending;
    },
    drain: (ms) => (pending === 0 ? Promise.resolve(true) : waitIdle(idleWaiters, ms)),
    stop() {
      stopped = true;
    },
  };
}
