import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ask } from '../../src/core/answer/answer.ts';
import { buildCorpus, loadArticles } from '../../src/core/corpus.ts';
import { describeChanges, formatResult } from '../../src/core/answer/format.ts';
import { compareWords, tokenizeWords, wordKeys } from '../../src/core/answer/verdict-diff.ts';
import { seedCorpus } from '../helpers.ts';

const seed = seedCorpus();

describe('ask: did <name> say …?', () => {
  it.each([
    ['did umerov really say "this concerns the release of 1,200 ukrainians"?', 'verbatim', 'Rustem Umerov'],
    ['did Umerov say this concerns the relase of 1,200 Ukrainians', 'verbatim', 'Rustem Umerov'],
    ['is it true that Zelenskiy said many meetings, negotiations and calls are now devoted to this', 'verbatim', 'Volodymyr Zelenskiy'],
    ['did umerov say he had held consultations in Turkey', 'reported', 'Rustem Umerov'],
    ['did umerov say the parties agreed to return to Istanbul', 'close', 'Rustem Umerov'],
    ['did Umerov say this concerns the release of 1,300 Ukrainians', 'close', 'Rustem Umerov'],
    ['did umerov say we are not working without pause', 'close', 'Rustem Umerov'],
    ['did zelenskiy say this concerns the release of 1,200 Ukrainians', 'someone-else', 'Rustem Umerov'],
    ['did umerov say cats make wonderful pets', 'not-said', null],
    ['did Olaf Scholz say the parties agreed to return', 'someone-else', 'Rustem Umerov'],
    ['did Olaf Scholz say cats make wonderful pets', 'not-quoted', null],
  ])('%s → %s', (question, kind, evidenceSpeaker) => {
    const r = ask(seed, question);
    expect(r.verdict?.kind).toBe(kind);
    expect(r.found).toBe(evidenceSpeaker !== null);
    if (evidenceSpeaker) expect(r.answers[0]?.speakers.map((s) => s.name)).toContain(evidenceSpeaker);
  });

  it('marks what a close version changes, adds and leaves out', () => {
    const r = ask(seed, 'did Umerov say this concerns the release of 1,300 Ukrainians');
    expect(r.verdict?.changes?.filter((c) => c.op !== 'same')).toEqual([{ op: 'changed', words: '1,200', asked: '1,300' }]);
    expect(r.verdict?.meaningChanged).toBe(true);
    expect(formatResult(r).split('\n')[0]).toBe('≈ Close, not the same words: Rustem Umerov said something close, but not these words.');
    expect(formatResult(r)).toContain('Yours has “1,300” where they said “1,200”.');
  });

  it('starts the terminal answer with the verdict and shows the evidence with its story', () => {
    const text = formatResult(ask(seed, 'did umerov say "this concerns the release of 1,200 Ukrainians"'));
    expect(text.split('\n')[0]).toBe('✅ Verbatim: Rustem Umerov said these words, in a direct quotation.');
    expect(text).toContain('“This concerns the release of 1,200 Ukrainians”');
    expect(text).toContain('From "Ukraine seeking exchange of 1,200 prisoners with Russia"');
  });

  it('other questions carry no verdict', () => {
    expect(ask(seed, 'who said 1,200?').verdict).toBeUndefined();
    expect(ask(seed, 'what did umerov say?').verdict).toBeUndefined();
  });
});

describe('withheld speakers', () => {
  const md = `---\ntitle: Phone sales fall\n---\n\nAcme Inc. cut its forecast on Monday, and its shares fell. Chief executive Dana Wu spoke to investors.\n\n"We expect demand for folding handsets to recover next spring," the company said.\n\n"Our prices will stay where they are," Wu said.\n`;
  const c = buildCorpus(loadArticles([{ path: 'acme.md', content: md }]).articles);

  it('never gives a guessed speaker the words, nor names the guess as someone else', () => {
    const r = ask(c, 'did Dana Wu say we expect demand for folding handsets to recover next spring');
    expect(r.verdict?.kind).toBe('not-said');
    expect(r.verdict?.unattributed).toBe(true);
    expect(r.answers[0]?.speakers).toEqual([]);
    expect(formatResult(r)).toContain('doesn’t say who said them');
  });
});

describe('compareWords', () => {
  it.each([
    ['We are working without pause', 'we are WORKING without pause!', 1],
    ['We are working without pause', 'we are workign without pause', 1],
  ])('%s ~ %s: typos, case and punctuation aside', (quoted, asked, similarity) => {
    const c = compareWords(quoted, asked);
    expect(c.similarity).toBe(similarity);
    expect(c.meaningChanged).toBe(false);
  });

  it.each([
    ['We will pay 1,200 dollars', 'We will pay 1,300 dollars'],
    ['We will pay 1,200 dollars', 'We will pay 12,000 dollars'],
    ['We will not pay', 'We will pay'],
    ['We will pay', 'We will never pay'],
    ["We don't pay", 'We do pay'],
    ['We won’t pay', 'We wont pay them no'],
    ['There is no deal', 'There is a deal'],
  ])('%s vs %s: a number or negation differs', (quoted, asked) => {
    expect(compareWords(quoted, asked).meaningChanged).toBe(true);
  });

  it('finds the compact stretch, not an earlier occurrence of the first word', () => {
    const c = compareWords("I said please don't let him go. I can't lose another son", "I can't lose another son");
    expect(c.similarity).toBe(1);
  });

  it('describes the differences', () => {
    const c = compareWords('the parties agreed to return to the Istanbul agreements', 'the parties refused to return to Istanbul');
    expect(describeChanges(c.changes)).toBe('Yours has “refused” where they said “agreed” and leaves out “the”.');
  });

  it('property: changing a number or dropping a negation is never an exact match', () => {
    const word = fc.constantFrom('we', 'will', 'pay', 'the', 'workers', 'today', 'said', 'deal', 'is', 'good');
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 2, maxLength: 12 }),
        fc.nat(9999),
        fc.nat(11),
        fc.constantFrom('not', 'never', "don't", 'no'),
        (words, n, at, neg) => {
          const i = at % (words.length + 1);
          const withNumber = [...words.slice(0, i), String(n), ...words.slice(i)].join(' ');
          const otherNumber = [...words.slice(0, i), String(n + 1), ...words.slice(i)].join(' ');
          const negated = [...words.slice(0, i), neg, ...words.slice(i)].join(' ');
          const plain = words.join(' ');
          for (const [quoted, asked] of [
            [withNumber, otherNumber],
            [negated, plain],
            [plain, negated],
          ] as const) {
            const c = compareWords(quoted, asked);
            expect(c.meaningChanged || c.similarity < 1).toBe(true);
            expect(c.meaningChanged).toBe(true);
          }
        },
      ),
    );
  });

  it('tokenizes numbers whole and marks negations', () => {
    expect(tokenizeWords("We won't pay 1,200").map((t) => [t.key, t.number, t.negation])).toEqual([
      ['we', false, false],
      ['wont', false, true],
      ['pay', false, false],
      ['1200', true, false],
    ]);
  });

  it.each(["We won't pay 1,200", 'Café “Zürich” said: 3.5% of 10,000 — ‘no’ isn’t an answer…', '', 'Ünïcode–dash 1 000 half-time'])(
    'gives the same keys as tokenizeWords without classing them: %j',
    (text) => {
      expect(wordKeys(text)).toEqual(tokenizeWords(text).map((t) => t.key));
    },
  );

  it('folds words of ASCII letters as foldText does, and the others through it', () => {
    expect(wordKeys('SAID Kyiv’s Zürich 1,200 DON’T x_y')).toEqual(['said', 'kyivs', 'zurich', '1200', 'dont', 'x', 'y']);
  });
});

describe('compareWords: negations beyond a sentence', () => {
  it.each([
    ['He’s such a good person. He never let it show.', 'He’s such a good person'],
    ['It’s not a question of who wins, who loses ... Nobody wins in a shutdown.', 'It’s not a question of who wins, who loses'],
    ['No. We will support the tax.', 'we will support the tax'],
  ])('%s ~ %s: verbatim', (quoted, asked) => {
    const c = compareWords(quoted, asked);
    expect(c.similarity).toBe(1);
    expect(c.meaningChanged).toBe(false);
  });

  it.each([
    ['I do not support the tax', 'support the tax'],
    ['We will accept no deal', 'we will accept'],
  ])('%s ~ %s: the negation governs the words', (quoted, asked) => {
    expect(compareWords(quoted, asked).meaningChanged).toBe(true);
  });
});
