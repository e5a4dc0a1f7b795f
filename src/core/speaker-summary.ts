/** Who the stories quote, how often and in how many stories: the summary a corpus keeps, built whole, in slices, or patched. */
import { shownSpeakers } from './certainty.ts';
import type { Quotation } from './types.ts';

export interface SpeakerSummary {
  readonly name: string;
  readonly role: string | null;
  readonly quotes: number;
  readonly articles: readonly string[];
}

export function summariseSpeakers(quotations: readonly Quotation[]): SpeakerSummary[] {
  const map = new Map<string, { role: string | null; quotes: number; articles: Set<string> }>();
  for (const q of quotations) count(map, q);
  return summaryOf(map);
}

/**
 * `summariseSpeakers` a slice at a time: `pause` is awaited every 1,024 quotations (it decides
 * whether to yield). At a million quotations the summary takes over a second, which the first
 * "not found" answer (it suggests the most quoted people) would otherwise stall for.
 */
export async function summariseSpeakersInSlices(quotations: readonly Quotation[], pause: () => Promise<void>): Promise<SpeakerSummary[]> {
  const map = new Map<string, { role: string | null; quotes: number; articles: Set<string> }>();
  for (let i = 0; i < quotations.length; i++) {
    if ((i & 1023) === 0) await pause();
    count(map, quotations[i] as Quotation);
  }
  // The summary's own list and sort (a third of a second at 100,000 names) in slices too: sorted
  // runs, then merged (a stable merge of stable sorts: the order `summaryOf` gives).
  const entries = [...map];
  const runs: SpeakerSummary[][] = [];
  for (let i = 0; i < entries.length; i += 1024) {
    await pause();
    runs.push(
      entries
        .slice(i, i + 1024)
        .map(([name, e]) => ({ name, role: e.role, quotes: e.quotes, articles: [...e.articles] }))
        .sort(bySpeakerRank),
    );
  }
  while (runs.length > 1) {
    const merged: SpeakerSummary[][] = [];
    for (let r = 0; r < runs.length; r += 2) {
      const a = runs[r] ?? [];
      const b = runs[r + 1] ?? [];
      const out: SpeakerSummary[] = [];
      let i = 0;
      let j = 0;
      while (i < a.length || j < b.length) {
        if (((i + j) & 1023) === 0) await pause();
        const x = a[i];
        const y = b[j];
        if (y === undefined || (x !== undefined && bySpeakerRank(x, y) <= 0)) {
          out.push(x as SpeakerSummary);
          i++;
        } else {
          out.push(y);
          j++;
        }
      }
      merged.push(out);
    }
    runs.splice(0, runs.length, ...merged);
  }
  return runs[0] ?? [];
}

function count(map: Map<string, { role: string | null; quotes: number; articles: Set<string> }>, q: Quotation): void {
  for (const s of shownSpeakers(q)) {
    const entry = map.get(s.name) ?? { role: null, quotes: 0, articles: new Set<string>() };
    entry.role ??= s.role;
    entry.quotes++;
    entry.articles.add(q.articleId);
    map.set(s.name, entry);
  }
}

function summaryOf(map: Map<string, { role: string | null; quotes: number; articles: Set<string> }>): SpeakerSummary[] {
  return [...map].map(([name, e]) => ({ name, role: e.role, quotes: e.quotes, articles: [...e.articles] })).sort(bySpeakerRank);
}

const bySpeakerRank = (a: SpeakerSummary, b: SpeakerSummary) => b.quotes - a.quotes || a.name.localeCompare(b.name);

/**
 * The speaker summary after a patch, from the base's: only the people of the removed and added
 * quotations are counted again, and merged back in order (no pass over every quotation).
 */
export function patchSpeakers(base: readonly SpeakerSummary[], removed: readonly Quotation[], added: readonly Quotation[]): SpeakerSummary[] {
  const touched = new Set([...removed, ...added].flatMap((q) => shownSpeakers(q).map((s) => s.name)));
  if (touched.size === 0) return [...base];
  const changed = new Map<string, { role: string | null; quotes: number; articles: Map<string, number> }>();
  for (const s of base) {
    if (!touched.has(s.name)) continue;
    // Each story counts once in `articles`; its quotations are counted to know when it goes.
    changed.set(s.name, { role: s.role, quotes: s.quotes, articles: new Map(s.articles.map((a) => [a, Number.POSITIVE_INFINITY])) });
  }
  const count = (q: Quotation, sign: 1 | -1) => {
    for (const s of shownSpeakers(q)) {
      let e = changed.get(s.name);
      if (!e) {
        e = { role: null, quotes: 0, articles: new Map() };
        changed.set(s.name, e);
      }
      e.role ??= s.role;
      e.quotes += sign;
      if (sign > 0) e.articles.set(q.articleId, (e.articles.get(q.articleId) ?? 0) + 1);
    }
  };
  const removedStories = new Set(removed.map((q) => q.articleId));
  for (const q of removed) count(q, -1);
  for (const e of changed.values()) for (const id of removedStories) e.articles.delete(id);
  for (const q of added) count(q, 1);
  const fresh = [...changed]
    .filter(([, e]) => e.quotes > 0)
    .map(([name, e]) => ({ name, role: e.role, quotes: e.quotes, articles: [...e.articles.keys()] }))
    .sort(bySpeakerRank);
  const out: SpeakerSummary[] = [];
  let j = 0;
  for (const s of base) {
    if (touched.has(s.name)) continue;
    while (j < fresh.length && bySpeakerRank(fresh[j] as SpeakerSummary, s) < 0) out.push(fresh[j++] as SpeakerSummary);
    out.push(s);
  }
  while (j < fresh.length) out.push(fresh[j++] as SpeakerSummary);
  return out;
}
