/**
 * A faster drop-in for compromise's `bulkMatch`, the step of its post-tagger that picks, for each
 * sentence, which of its 570 match rules could apply and runs them. compromise's own version walks
 * all 730 keys of its rule net for every sentence, concatenating and de-duplicating arrays as it
 * goes (a fifth of all tagging time, profiled on the evaluation texts); this one looks each rule up
 * by one word or tag it cannot apply without. The rules are tried in exactly the same order,
 * filtered by the same needs, ifNo, wants and minimum length, and matched by compromise's own
 * matcher, so the tags are the same (checked on 4,055 paragraphs of the evaluation texts, and in
 * tests/core/nlp-sweep.test.ts).
 *
 * No compromise import here: `nlp.ts` hands in its methods.
 */
import { WhosaidError } from './errors.ts';

/** One match rule of compromise's net (the fields this step reads). */
interface MatchRule {
  readonly match: string;
  readonly needs: readonly string[];
  readonly wants: readonly string[];
  readonly minWant: number;
  readonly minWords: number;
  readonly ifNo?: readonly string[];
  readonly unTag?: unknown;
}

/** The net compromise builds from its rules: rules by the word or tag they need or want, and rules with neither. */
interface MatchNet {
  readonly hooks: Readonly<Record<string, readonly MatchRule[]>>;
  readonly always: readonly MatchRule[];
}

type Pointer = [number, number, number];

/** The compromise methods this step calls. */
export interface SweepMethods {
  readonly one: {
    cacheDoc(document: readonly unknown[][]): ReadonlySet<string>[];
    match(docs: readonly unknown[][], rule: MatchRule): { ptrs: Pointer[] };
  };
}

type BulkMatch = (document: readonly unknown[][], net: MatchNet, methods: SweepMethods, opts?: { matchOne?: boolean }) => unknown[];

/**
 * A net indexed for lookups by sentence. compromise tries a sentence's rules in the order of the
 * net's keys (`Object.keys`) the sentence holds, each rule where it first appears in them; a rule
 * applies only if the sentence holds all its needs. So each rule is looked up by one key it cannot
 * apply without (a need, or each of its wants when it has no need), and where it would first
 * appear is worked out only for the rules that apply: its lowest-ranked key the sentence holds.
 */
interface NetIndex {
  /** Rules by the key that triggers looking at them. */
  readonly byTrigger: ReadonlyMap<string, readonly IndexedRule[]>;
  readonly seen: Uint32Array;
  tick: number;
}

interface IndexedRule {
  readonly rule: MatchRule;
  readonly id: number;
  /** Every key the rule is hooked under, with its rank among the net's keys and its place in that key's list. */
  readonly keys: readonly { readonly key: string; readonly order: number }[];
}

const INDEXES = new WeakMap<object, NetIndex | null>();

/** How far down one key's list may go (compromise's lists hold at most a few hundred rules). */
const PLACES = 1 << 16;

/** The index of a net, or null when its rules are not one object per match text (then compromise's own selection runs). */
function indexOf(net: MatchNet): NetIndex | null {
  let ix = INDEXES.get(net.hooks);
  if (ix === undefined) {
    ix = buildIndex(net);
    INDEXES.set(net.hooks, ix);
  }
  return ix;
}

function buildIndex(net: MatchNet): NetIndex | null {
  const keys = Object.keys(net.hooks);
  const rules = new Map<MatchRule, { key: string; order: number }[]>();
  keys.forEach((key, rank) => {
    (net.hooks[key] ?? []).forEach((rule, place) => {
      const own = rules.get(rule) ?? [];
      own.push({ key, order: rank * PLACES + place });
      rules.set(rule, own);
    });
  });
  // compromise de-duplicates by match text: two rule objects with one text would need its exact bookkeeping.
  if (new Set([...rules.keys()].map((r) => r.match)).size !== rules.size) return null;
  if (Object.values(net.hooks).some((list) => list.length >= PLACES)) return null;
  const listSize = (key: string) => net.hooks[key]?.length ?? 0;
  const byTrigger = new Map<string, IndexedRule[]>();
  const add = (key: string, entry: IndexedRule) => {
    const list = byTrigger.get(key) ?? [];
    list.push(entry);
    byTrigger.set(key, list);
  };
  let id = 0;
  for (const [rule, hooked] of rules) {
    const entry = { rule, id: id++, keys: hooked };
    const needs = rule.needs.filter((n) => hooked.some((h) => h.key === n));
    if (needs.length > 0) {
      // A word is rarer in text than a tag; among tags, take the one fewest rules hang on.
      const pick = needs.find((n) => !n.startsWith('#')) ?? [...needs].sort((x, y) => listSize(x) - listSize(y))[0] ?? '';
      add(pick, entry);
    } else for (const h of hooked) add(h.key, entry);
  }
  return { byTrigger, seen: new Uint32Array(id), tick: 0 };
}

/** Does the sentence (its cached words and tags) meet the rule's needs, ifNo, wants and length? */
function applies(rule: MatchRule, haves: ReadonlySet<string>, words: number): boolean {
  if (words < rule.minWords) return false;
  for (const need of rule.needs) if (!haves.has(need)) return false;
  if (rule.ifNo?.some((no) => haves.has(no))) return false;
  if (rule.wants.length === 0) return true;
  let found = 0;
  for (const want of rule.wants) if (haves.has(want)) found++;
  return found >= rule.minWant;
}

/** The rules to try on one sentence, in compromise's order. */
function rulesFor(net: MatchNet, ix: NetIndex, haves: ReadonlySet<string>, words: number): MatchRule[] {
  if (ix.tick >= 0xfffffff0) {
    ix.seen.fill(0);
    ix.tick = 0;
  }
  const tick = ++ix.tick;
  const found: { rule: MatchRule; order: number }[] = [];
  for (const item of haves) {
    for (const entry of ix.byTrigger.get(item) ?? []) {
      if (ix.seen[entry.id] === tick) continue;
      ix.seen[entry.id] = tick;
      if (!applies(entry.rule, haves, words)) continue;
      // Where compromise's walk over the keys meets the rule first.
      let order = Number.POSITIVE_INFINITY;
      for (const h of entry.keys) if (h.order < order && haves.has(h.key)) order = h.order;
      found.push({ rule: entry.rule, order });
    }
  }
  found.sort((a, b) => a.order - b.order);
  const out = found.map((f) => f.rule);
  // Rules with no needs or wants run on every sentence long enough, after the others.
  for (const rule of net.always) if (words >= rule.minWords) out.push(rule);
  return out;
}

/** compromise's own `bulkMatch`, for a net this module cannot index. */
let ownBulkMatch: BulkMatch | null = null;

/** compromise's `bulkMatch`, same arguments and results. */
export const fastBulkMatch: BulkMatch = (document, net, methods, opts = {}) => {
  const ix = indexOf(net);
  if (!ix) {
    if (!ownBulkMatch) throw new WhosaidError('fastBulkMatch needs installFastSweep first, for a net it cannot index');
    return ownBulkMatch(document, net, methods, opts);
  }
  const caches = methods.one.cacheDoc(document);
  const results: unknown[] = [];
  for (let n = 0; n < document.length; n++) {
    const terms = document[n] ?? [];
    for (const rule of rulesFor(net, ix, caches[n] ?? new Set(), terms.length)) {
      const { ptrs } = methods.one.match([terms], rule);
      if (ptrs.length === 0) continue;
      for (const ptr of ptrs) {
        ptr[0] = n;
        const todo: Record<string, unknown> = { ...rule, pointer: ptr };
        if (rule.unTag !== undefined) todo.unTag = rule.unTag;
        results.push(todo);
      }
      if (opts.matchOne === true) return [results[0]];
    }
  }
  return results;
};

/**
 * Put `fastBulkMatch` in place of compromise's, when its methods look as expected (a later
 * compromise that changed them keeps its own). Returns whether it did.
 */
export function installFastSweep(methods: { one?: Record<string, unknown> }): boolean {
  const one = methods.one;
  if (!one || typeof one.bulkMatch !== 'function' || typeof one.cacheDoc !== 'function' || typeof one.match !== 'function') return false;
  ownBulkMatch = one.bulkMatch as BulkMatch;
  one.bulkMatch = fastBulkMatch;
  return true;
}
