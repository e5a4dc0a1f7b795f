import { describe, expect, it } from 'vitest';
import { findIntroMention, findParagraphQuotes } from '../../src/core/quotes/find.ts';

/** What the finder reports for one paragraph: quote text, kind, the speaker as written, the verb. */
function found(paragraph: string) {
  return findParagraphQuotes(paragraph, 0).map((q) => ({ text: q.text, kind: q.kind, mention: q.mention?.parts ?? null, verb: q.verb }));
}

describe('findParagraphQuotes', () => {
  describe('direct quotes', () => {
    it.each<[string, string, string[], string, string]>([
      ['final attribution', '“We will not accept these terms,” Smith said.', ['Smith'], 'said', '“We will not accept these terms,”'],
      ['straight marks', '"We will not accept these terms," Smith said.', ['Smith'], 'said', '"We will not accept these terms,"'],
      [
        'inverted attribution',
        '“The talks will resume next week,” said Jane Smith, a spokeswoman for the ministry.',
        ['Jane Smith'],
        'said',
        '“The talks will resume next week,”',
      ],
      ['colon introduction', 'Smith said: “We will not accept these terms.”', ['Smith'], 'said', '“We will not accept these terms.”'],
      ['where, then the quote', 'Smith said in Tel Aviv, “We will not accept these terms.”', ['Smith'], 'said', '“We will not accept these terms.”'],
      ['of whom, then the quote', 'Smith said of the mayor, “He will not accept these terms.”', ['Smith'], 'said', '“He will not accept these terms.”'],
      ['a pronoun', '“We will not accept these terms,” she said.', ['she'], 'said', '“We will not accept these terms,”'],
      [
        'a title and name',
        '“The border will stay closed,” Interior Minister Pavel Novak said.',
        ['Interior Minister Pavel Novak'],
        'said',
        '“The border will stay closed,”',
      ],
      [
        'a nominal speaker',
        '“The talks were useful and will continue,” a spokesperson for the ministry said.',
        ['a spokesperson for the ministry'],
        'said',
        '“The talks were useful and will continue,”',
      ],
      ['a short quote framed by a verb', '“It is over,” she tweeted.', ['she'], 'tweeted', '“It is over,”'],
      [
        'several sentences in one quote',
        '“We are ready. We have waited long enough,” Smith said.',
        ['Smith'],
        'said',
        '“We are ready. We have waited long enough,”',
      ],
      [
        'a listener after told',
        '“The deal is done and everyone is happy,” Reed told reporters.',
        ['Reed'],
        'told',
        '“The deal is done and everyone is happy,”',
      ],
    ])('%s', (_label, paragraph, mention, verb, text) => {
      expect(found(paragraph)).toEqual([{ text, kind: 'direct', mention, verb }]);
    });

    it.each([
      ['warned', '“The economy is slowing faster than expected,” Baker warned.'],
      ['insisted', '“We cannot afford another rate rise this year,” Baker insisted.'],
      ['explained', '“Inflation is driven by energy prices, not wages,” Baker explained.'],
      ['added', '“The October data were weaker than the market thought,” Baker added.'],
      ['noted', '“Households are spending less on everything but food,” Baker noted.'],
      ['argued', '“The bank should pause and wait for the spring figures,” Baker argued.'],
      ['wrote', '“The outlook remains uncertain for two more quarters,” Baker wrote.'],
      ['announced', '“The bank will publish a new forecast in January,” Baker announced.'],
      ['says', '“The bank will publish a new forecast in January,” Baker says.'],
    ])('reporting verb "%s"', (verb, paragraph) => {
      const [q] = found(paragraph);
      expect(q).toMatchObject({ kind: 'direct', mention: ['Baker'], verb });
    });

    it('splits a quote around its attribution into two parts with the same speaker', () => {
      expect(found('“We are ready to talk,” Sybiha said, “but not at any price.”')).toEqual([
        { text: '“We are ready to talk,”', kind: 'direct', mention: ['Sybiha'], verb: 'said' },
        { text: '“but not at any price.”', kind: 'direct', mention: ['Sybiha'], verb: 'said' },
      ]);
    });

    it('reports a quote left open at the end of the paragraph with no speaker (it floats)', () => {
      expect(found('“The water came up faster than anyone expected. We lost power in half the city.')).toEqual([
        { text: '“The water came up faster than anyone expected. We lost power in half the city.', kind: 'direct', mention: null, verb: '' },
      ]);
    });

    it('keeps the offsets of the quote in the paragraph', () => {
      const paragraph = 'After the vote, “we will appeal the ruling,” Smith said.';
      const [q] = findParagraphQuotes(paragraph, 4);
      expect(q?.paragraph).toBe(4);
      expect(paragraph.slice(q!.start, q!.end)).toBe(q!.text);
    });
  });

  describe('reported speech', () => {
    it.each<[string, string, string, string[], string]>([
      ['X said on Monday that …', 'Smith said on Monday that the talks had failed.', 'that the talks had failed', ['Smith'], 'said'],
      [
        'X said … (no "that")',
        'Prime Minister Justin Trudeau said the agreement would protect thousands of jobs.',
        'the agreement would protect thousands of jobs',
        ['Prime Minister Justin Trudeau'],
        'said',
      ],
      ['…, X said.', 'The talks had failed after three days, Smith said.', 'The talks had failed after three days', ['Smith'], 'said'],
      ['…, said X.', 'The talks had failed after three days, said Jane Smith.', 'The talks had failed after three days', ['Jane Smith'], 'said'],
      ['…, according to X.', 'The talks had failed after three days, according to Smith.', 'The talks had failed after three days', ['Smith'], 'according'],
      [
        'According to X, …',
        'According to Jane Smith, the talks had failed after three days.',
        'the talks had failed after three days',
        ['Jane Smith'],
        'According',
      ],
      ['X told reporters that …', 'Smith told reporters that the talks had failed.', 'that the talks had failed', ['Smith'], 'told'],
      [
        'X insisted that …',
        'Smith insisted on Tuesday that the vote would go ahead as planned.',
        'that the vote would go ahead as planned',
        ['Smith'],
        'insisted',
      ],
      [
        'X and Y said',
        'Tom Reed and Jane Doe said the two parties would meet again in the spring.',
        'the two parties would meet again in the spring',
        ['Tom Reed', 'Jane Doe'],
        'said',
      ],
      [
        'appositive subject',
        'Hugh Hill, a doctor at the city hospital, said the wards were full every night.',
        'the wards were full every night',
        ['Hugh Hill'],
        'said',
      ],
      ['pronoun subject', 'She said the bank should wait for more data before acting.', 'the bank should wait for more data before acting', ['She'], 'said'],
    ])('%s', (_label, paragraph, text, mention, verb) => {
      expect(found(paragraph)).toEqual([{ text, kind: 'indirect', mention, verb }]);
    });

    // Regression (was a bug): "According to police, …" finds no quotation: a bare plural source after "according to" is not read.
    it('According to police, …', () => {
      expect(found('According to police, the driver was not hurt in the crash.')).toEqual([
        { text: 'the driver was not hurt in the crash', kind: 'indirect', mention: ['police'], verb: 'According' },
      ]);
    });

    it('keeps the appositive role of the subject', () => {
      const [q] = findParagraphQuotes('Hugh Hill, a doctor at the city hospital, said the wards were full every night.', 0);
      expect(q?.mention?.role).toBe('doctor at the city hospital');
    });

    // Regression (was a bug): after "According to X," the reported clause is read as an appositive of X and becomes its role.
    it('gives no role to the source of "According to X, …"', () => {
      const [q] = findParagraphQuotes('According to Jane Smith, the talks had failed after three days.', 0);
      expect(q?.mention?.role).toBeNull();
    });
  });

  it('a phrase with an object of its own before the quote keeps the report whole', () => {
    expect(found('Many reporters noted on Twitter the change from the usual slogan, “Make the Valley Great.”').map((q) => [q.kind, q.text])).toEqual([
      ['indirect', 'on Twitter the change from the usual slogan, “Make the Valley Great.”'],
    ]);
  });

  describe('not quotations', () => {
    it.each([
      ['scare quotes', 'The report criticised the so-called “peace dividend” of the 1990s.'],
      ['a single-quoted unit name', "Soldiers of the 'Velykyi Luh' brigade held the line near the river."],
      ['a possessive', "Kyiv's partners backed the plan at the summit."],
      ['a passive "was said to"', 'Smith was said to be furious about the delay.'],
      ['no reporting verb', 'The council approved the budget on Thursday after a long debate.'],
      ['"so-called" without quotes', 'The so-called peace plan was never published.'],
    ])('%s', (_label, paragraph) => {
      expect(found(paragraph)).toEqual([]);
    });
  });

  // GGT-style annotation counts the word a speaker "called" something as that speaker's quotation;
  // a scare quote without such a verb stays out (see 'not quotations').
  it('takes the word a speaker called something as a quotation', () => {
    expect(found('Critics called the plan “fake news” and moved on.').map((q) => [q.text, q.mention])).toEqual([['“fake news”', ['Critics']]]);
  });

  it('gives when and where from the framing words', () => {
    const [q] = findParagraphQuotes('“We will rebuild every home,” Zelenskiy said in a statement on Telegram on Sunday.', 0);
    expect(q?.said).toEqual({ when: 'on Sunday', where: 'in a statement on Telegram' });
  });
});

describe('findIntroMention', () => {
  it.each<[string, string[] | null]>([
    ['Prime Minister Donald Tusk said:', ['Prime Minister Donald Tusk']],
    ['The talks went on late into the night. Later, Smith told reporters:', ['Smith']],
    ['Keith Ahamad, an addiction doctor, said:', ['Keith Ahamad']],
    ['The talks went on late into the night.', null],
    ['The agenda had three items:', null],
  ])('%s', (paragraph, parts) => {
    expect(findIntroMention(paragraph)?.parts ?? null).toEqual(parts);
  });
});
