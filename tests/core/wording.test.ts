import { describe, expect, it } from 'vitest';
import { phraseQuote, quoteWords, reportedVerb, type QuoteLike } from '../../src/core/answer/wording.ts';
import type { QuoteKind } from '../../src/core/types.ts';

const ORTIZ = [{ name: 'Helen Ortiz', role: 'Mayor' }];

describe('quoteWords', () => {
  it.each<[string, QuoteKind, string]>([
    ['"The bridge is safe,"', 'direct', 'The bridge is safe'],
    ['“No one was hurt,”', 'direct', 'No one was hurt'],
    ['“We will rebuild the pier.”', 'direct', 'We will rebuild the pier.'],
    ['"Is anyone listening?"', 'direct', 'Is anyone listening?'],
    ['  “There is space for everyone , ” ', 'direct', 'There is space for everyone'],
    // Nested quotations keep their own marks; a comma inside the last one goes.
    ['“She told us ‘wait here,’ and we waited,”', 'direct', 'She told us ‘wait here,’ and we waited'],
    ['“The sign on the gate said ‘closed,’”', 'direct', 'The sign on the gate said ‘closed’'],
    ['"He called it a "temporary" fix,"', 'direct', 'He called it a "temporary" fix'],
    ["\"The council's 'plan' is a wish list,\"", 'direct', "The council's 'plan' is a wish list"],
    // The mark at one end closes (or opens) a quotation inside: only the other end's mark goes.
    ['"The agency is not about “fair play for all”', 'direct', 'The agency is not about “fair play for all”'],
    ['“Call it a “quiet revolution,” he told us, and it was', 'direct', 'Call it a “quiet revolution,” he told us, and it was'],
    ['"“Nobody wins a race by standing still,”', 'direct', 'Nobody wins a race by standing still'],
    ['"“Harbour” and “Bay” are both on the ballot"', 'direct', '“Harbour” and “Bay” are both on the ballot'],
    // British style, and the wrong-way opening mark some copy uses.
    ['‘We will win this,’', 'direct', 'We will win this'],
    ['”Nobody expected the tide to turn”', 'direct', 'Nobody expected the tide to turn'],
    // A quotation running on past its paragraph, and one continuing from the paragraph before.
    ['“The first part of a long answer', 'direct', 'The first part of a long answer'],
    ['and the rest of that answer."', 'direct', 'and the rest of that answer.'],
    // Reported speech: no "that", no joining comma, partial quotations kept and balanced.
    ['that he had held talks in Lisbon', 'indirect', 'he had held talks in Lisbon'],
    ['the repairs were “long overdue,”', 'indirect', 'the repairs were “long overdue”'],
    ['the response had been “amazing.”', 'indirect', 'the response had been “amazing.”'],
    ['“short-sighted” planning had cost the town its ferry,', 'indirect', '“short-sighted” planning had cost the town its ferry'],
    ['That is what the survey found', 'indirect', 'That is what the survey found'],
  ])('%s (%s) → %s', (quote, kind, words) => {
    expect(quoteWords(quote, kind)).toBe(words);
  });
});

describe('reportedVerb', () => {
  it.each<[string | undefined, QuoteKind, boolean, string]>([
    ['said', 'indirect', false, 'said'],
    ['saying', 'indirect', false, 'said'],
    ['warned', 'indirect', false, 'warned'],
    ['admitted', 'indirect', false, 'admitted'],
    ['denied', 'indirect', false, 'denied'],
    ['wrote', 'direct', false, 'wrote'],
    ['tweeted', 'direct', false, 'tweeted'],
    ['quipped', 'direct', false, 'quipped'],
    ['asked', 'direct', false, 'asked'],
    ['pointed out', 'indirect', false, 'pointed out'],
    ['put it', 'direct', false, 'said'],
    // A present "-s" form stays present, in the plural for several speakers.
    ['says', 'direct', false, 'says'],
    ['says', 'indirect', true, 'say'],
    ['believes', 'indirect', false, 'believes'],
    ['insists', 'indirect', true, 'insist'],
    ['stresses', 'indirect', false, 'stresses'],
    ['points out', 'indirect', false, 'points out'],
    ['puts it', 'direct', false, 'says'],
    // A bare "say" may follow "went on to" or "would": past.
    ['say', 'indirect', false, 'said'],
    ['stress', 'indirect', false, 'stressed'],
    // Verbs that need a listener or an object, words that are no verb, and none at all: "said".
    ['told', 'direct', false, 'said'],
    ['tells', 'indirect', false, 'says'],
    ['described', 'indirect', false, 'said'],
    ['describes', 'direct', true, 'say'],
    ['According', 'indirect', false, 'said'],
    ['statement', 'direct', false, 'said'],
    ['', 'direct', false, 'said'],
    [undefined, 'indirect', false, 'said'],
    // A verb that takes no "that" clause reads as "said that".
    ['quipped', 'indirect', false, 'said'],
    ['quips', 'indirect', false, 'says'],
  ])('%s (%s, plural %s) → %s', (verb, kind, plural, shown) => {
    expect(reportedVerb(verb, kind, plural)).toBe(shown);
  });
});

describe('phraseQuote', () => {
  it.each<[string, QuoteLike, string]>([
    [
      'direct words in quotation marks',
      { quote: '"The bridge is safe,"', kind: 'direct', speakers: ORTIZ, verb: 'said' },
      'Helen Ortiz said: “The bridge is safe”',
    ],
    [
      'straight and curly marks alike',
      { quote: '“The bridge is safe,”', kind: 'direct', speakers: ORTIZ, verb: 'said' },
      'Helen Ortiz said: “The bridge is safe”',
    ],
    [
      'reported speech as reported, no marks',
      { quote: 'that he had held talks in Lisbon', kind: 'indirect', speakers: [{ name: 'Tomas Berg', role: 'envoy' }], verb: 'said' },
      'Tomas Berg said that he had held talks in Lisbon.',
    ],
    [
      "the story's verb",
      { quote: 'prices would rise again in winter', kind: 'indirect', speakers: [{ name: 'Lena Marsh', role: null }], verb: 'warned' },
      'Lena Marsh warned that prices would rise again in winter.',
    ],
    [
      'a present verb stays present',
      { quote: 'prices would rise again in winter', kind: 'indirect', speakers: [{ name: 'Lena Marsh', role: null }], verb: 'warns' },
      'Lena Marsh warns that prices would rise again in winter.',
    ],
    [
      'a present verb agrees with several speakers',
      {
        quote: 'the talks will resume',
        kind: 'indirect',
        speakers: [
          { name: 'Ana Ruiz', role: null },
          { name: 'Ben Cole', role: null },
        ],
        verb: 'says',
      },
      'Ana Ruiz and Ben Cole say that the talks will resume.',
    ],
    [
      'a verb needing a listener becomes "said"',
      { quote: '"It is the lifeline of the island,"', kind: 'direct', speakers: [{ name: 'Omar Reyes', role: null }], verb: 'told' },
      'Omar Reyes said: “It is the lifeline of the island”',
    ],
    [
      'a sentence-initial word lowered after "that"',
      { quote: 'The ferry would run again in April', kind: 'indirect', speakers: ORTIZ, verb: 'said' },
      'Helen Ortiz said that the ferry would run again in April.',
    ],
    [
      'an opening "But" dropped after "that"',
      { quote: 'But the ferry was late again', kind: 'indirect', speakers: ORTIZ, verb: 'said' },
      'Helen Ortiz said that the ferry was late again.',
    ],
    [
      'a name opening the clause kept',
      { quote: 'Lisbon was chosen for the talks', kind: 'indirect', speakers: ORTIZ, verb: 'said' },
      'Helen Ortiz said that Lisbon was chosen for the talks.',
    ],
    [
      'a partial quotation inside reported speech',
      { quote: 'the repairs were “long overdue,”', kind: 'indirect', speakers: ORTIZ, verb: 'said' },
      'Helen Ortiz said that the repairs were “long overdue”.',
    ],
    [
      'nested quotes turn single inside the marks',
      { quote: '"He called it a "temporary" fix,"', kind: 'direct', speakers: ORTIZ, verb: 'said' },
      'Helen Ortiz said: “He called it a ‘temporary’ fix”',
    ],
    [
      'nested single quotes kept',
      { quote: '“She told us ‘wait here,’ and we waited,”', kind: 'direct', speakers: ORTIZ, verb: 'said' },
      'Helen Ortiz said: “She told us ‘wait here,’ and we waited”',
    ],
    [
      'a withheld speaker reads as the story put it',
      { quote: 'that fares would stay the same', kind: 'indirect', speakers: [], attributedTo: 'the company', verb: 'said' },
      'The company said that fares would stay the same.',
    ],
    [
      'a withheld speaker, direct',
      { quote: '"We are sorry,"', kind: 'direct', speakers: [], attributedTo: 'the company', verb: 'said' },
      'The company said: “We are sorry”',
    ],
    ['no words for the speaker at all', { quote: '"We are sorry,"', kind: 'direct', speakers: [] }, 'An unidentified speaker said: “We are sorry”'],
    [
      'a withheld speaker keeps its capitals',
      { quote: 'that refunds were on the way', kind: 'indirect', speakers: [], attributedTo: 'eBay’s support team', verb: 'said' },
      'eBay’s support team said that refunds were on the way.',
    ],
    [
      'two speakers',
      {
        quote: 'the talks would resume',
        kind: 'indirect',
        speakers: [
          { name: 'Ana Ruiz', role: null },
          { name: 'Ben Cole', role: null },
        ],
        verb: 'said',
      },
      'Ana Ruiz and Ben Cole said that the talks would resume.',
    ],
    [
      'three speakers',
      {
        quote: '"We agree,"',
        kind: 'direct',
        speakers: [
          { name: 'Ana Ruiz', role: null },
          { name: 'Ben Cole', role: null },
          { name: 'Cy Dunn', role: null },
        ],
        verb: 'said',
      },
      'Ana Ruiz, Ben Cole and Cy Dunn said: “We agree”',
    ],
    [
      'a sentence placed before its tag, opening with a phrase that reads lower case after "that"',
      {
        quote: 'Of course, the quality that made them dim made them perfect for signs',
        kind: 'indirect',
        speakers: [{ name: 'Luis Ortega', role: null }],
        verb: 'notes',
      },
      'Luis Ortega notes that of course, the quality that made them dim made them perfect for signs.',
    ],
    [
      'a named organisation found from "the company"',
      { quote: 'that sales fell', kind: 'indirect', speakers: [{ name: 'Acme Inc', role: null }], attributedTo: 'the company', verb: 'said' },
      'Acme Inc said that sales fell.',
    ],
  ])('%s', (_, q, text) => {
    expect(phraseQuote(q).text).toBe(text);
  });

  it('gives the parts for HTML: subject, verb, words and whether the speaker is withheld', () => {
    expect(phraseQuote({ quote: 'that fares would stay', kind: 'indirect', speakers: [], attributedTo: 'the company', verb: 'saying' })).toEqual({
      kind: 'indirect',
      subject: 'The company',
      withheld: true,
      verb: 'said',
      words: 'fares would stay',
      text: 'The company said that fares would stay.',
    });
    expect(phraseQuote({ quote: '“Go,”', kind: 'direct', speakers: ORTIZ, verb: 'said' })).toMatchObject({
      subject: 'Helen Ortiz',
      withheld: false,
      words: 'Go',
    });
  });

  it('adds roles, and the story’s words beside a named organisation, when asked', () => {
    expect(phraseQuote({ quote: '“Open,”', kind: 'direct', speakers: ORTIZ, verb: 'said' }, { roles: true }).text).toBe('Helen Ortiz (Mayor) said: “Open”');
    expect(
      phraseQuote({ quote: 'sales fell', kind: 'indirect', speakers: [{ name: 'Acme Inc', role: null }], attributedTo: 'the company' }, { roles: true }).text,
    ).toBe('Acme Inc (the story says “the company”) said that sales fell.');
  });

  it('clips long words with an ellipsis, never inside the speaker', () => {
    const p = phraseQuote({ quote: `"${'very '.repeat(50)}long,"`, kind: 'direct', speakers: ORTIZ }, { maxLength: 20 });
    expect(p.words).toBe('very very very very…');
    expect(p.text).toBe('Helen Ortiz said: “very very very very…”');
  });
});
