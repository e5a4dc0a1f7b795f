/**
 * A faster drop-in for compromise's `bulkMatch`, the step of its post-tagger that picks, for each
 * sentence, which of its ~1,000 match rules could apply and runs them. compromise's own version
 * walks every rule key of the net for every sentence, concatenating and de-duplicating arrays as it
 * goes (a fifth of all tagging time, profiled on the evaluation texts); this one looks up only the
 * keys a sentence holds. The rules are tried in exactly the same order, filtered by the same needs,
 * ifNo, wants and minimum length, and matched by compromise's own matcher, so the tags are the
 * same (checked on every paragraph of the evaluation texts, and in tests/core/nlp-sweep.test.ts).
 *
 * No compromise import here: `nlp.ts` hands in its methods.
 */

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

/** A net's keys in compromise's order (`Object.keys`), each rule numbered by its match text (the original de-duplicates by it). */
interface NetIndex {
  readonly rank: ReadonlyMap<string, number>;
  readonly lists: readonly (readonly { readonly rule: MatchRule; readonly id: number }[])[];
  readonly seen: Uint32Array;
  tick: number;
}

const INDEXES = new WeakMap<object, NetIndex>();

function indexOf(net: MatchNet): NetIndex {
  let ix = INDEXES.get(net.hooks);
  if (!ix) {
    const keys = Object.keys(net.hooks);
    const ids = new Map<string, number>();
    const idOf = (rule: MatchRule) => {
      let id = ids.get(rule.match);
      if (id === undefined) {
        id = ids.size;
        ids.set(rule.match, id);
      }
      return id;
    };
    const lists = keys.map((k) => (net.hooks[k] ?? []).map((rule) => ({ rule, id: idOf(rule) })));
    ix = { rank: new Map(keys.map((k, i) => [k, i])), lists, seen: new Uint32Array(ids.size), tick: 0 };
    INDEXES.set(net.hooks, ix);
  }
  return ix;
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
  const keys: number[] = [];
  for (const item of haves) {
    const k = ix.rank.get(item);
    if (k !== undefined) keys.push(k);
  }
  keys.sort((a, b) => a - b);
  if (ix.tick >= 0xfffffff0) {
    ix.seen.fill(0);
    ix.tick = 0;
  }
  const tick = ++ix.tick;
  const out: MatchRule[] = [];
  for (const k of keys) {
    for (const { rule, id } of ix.lists[k] ?? []) {
      if (ix.seen[id] === tick) continue;
      ix.seen[id] = tick;
      if (applies(rule, haves, words)) out.push(rule);
    }
  }
  // Rules with no needs or wants run on every sentence long enough, after the others.
  for (const rule of net.always) if (words >= rule.minWords) out.push(rule);
  return out;
}

/** compromise's `bulkMatch`, same arguments and results. */
export const fastBulkMatch: BulkMatch = (document, net, methods, opts = {}) => {
  const caches = methods.one.cacheDoc(document);
  const ix = indexOf(net);
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
  one.bulkMatch = fastBulkMatch;
  return true;
}
