import { describe, expect, it } from 'vitest';
import { parseQuestion, type ParsedQuestion } from '../../src/core/answer/question.ts';

describe('parseQuestion', () => {
  it.each<[string, ParsedQuestion]>([
    ['who said 1,200?', { intent: 'who-said', name: null, words: ['1,200'] }],
    ['WHO SAID 1,200', { intent: 'who-said', name: null, words: ['1,200'] }],
    ['whoo sed 1200', { intent: 'who-said', name: null, words: ['1200'] }],
    ['wo said peace', { intent: 'who-said', name: null, words: ['peace'] }],
    ['who sayd ceasefire', { intent: 'who-said', name: null, words: ['ceasefire'] }],
    ['Who mentioned negotiations', { intent: 'who-said', name: null, words: ['negotiations'] }],
    ['who talked about christmas', { intent: 'who-said', name: null, words: ['christmas'] }],
    ['Who warned about inflation?', { intent: 'who-said', name: null, words: ['inflation'] }],
    ['who said that the talks failed', { intent: 'who-said', name: null, words: ['talks', 'failed'] }],
    ['who was quoted saying 1,200', { intent: 'who-said', name: null, words: ['1,200'] }],
    ['who said "we are ready"?', { intent: 'who-said', name: null, words: ['we', 'are', 'ready'] }],
    ['anyone say 1,200?', { intent: 'who-said', name: null, words: ['1,200'] }],
    ['did anyone say prisoner exchange?', { intent: 'who-said', name: null, words: ['prisoner', 'exchange'] }],
    ['has anybody mentioned Christmas?', { intent: 'who-said', name: null, words: ['Christmas'] }],
    ['1,200', { intent: 'who-said', name: null, words: ['1,200'] }],
    ['prisoner exchange', { intent: 'who-said', name: null, words: ['prisoner', 'exchange'] }],
    ['what did zelensky say about talks', { intent: 'what-did', name: 'zelensky', words: ['talks'] }],
    ['what did zelensky say?', { intent: 'what-did', name: 'zelensky', words: [] }],
    ['What did Jane Smith say?', { intent: 'what-did', name: 'Jane Smith', words: [] }],
    ['quotes from Umerov', { intent: 'what-did', name: 'Umerov', words: [] }],
    ['did Umerov say 1,200?', { intent: 'did-say', name: 'Umerov', words: ['1,200'], claim: '1,200' }],
    ['did umerov mention christmas', { intent: 'did-say', name: 'umerov', words: ['christmas'], claim: 'christmas' }],
    [
      'did umerov really say "this concerns the release"?',
      { intent: 'did-say', name: 'umerov', words: ['this', 'concerns', 'the', 'release'], claim: 'this concerns the release' },
    ],
    [
      'is it true that Zelenskiy said many meetings are devoted to this?',
      { intent: 'did-say', name: 'Zelenskiy', words: ['many', 'meetings', 'are', 'devoted', 'to', 'this'], claim: 'many meetings are devoted to this' },
    ],
    ['Is it true Umerov said we are working', { intent: 'did-say', name: 'Umerov', words: ['we', 'are', 'working'], claim: 'we are working' }],
    ['who is Umerov?', { intent: 'who-is', name: 'Umerov', words: [] }],
    ["who's Rustem Umerov", { intent: 'who-is', name: 'Rustem Umerov', words: [] }],
    ['tell me about Zelenskiy', { intent: 'who-is', name: 'Zelenskiy', words: [] }],
  ])('%s', (input, expected) => {
    expect(parseQuestion(input)).toEqual(expected);
  });

  it.each([
    ['/who 1,200', { intent: 'who-said', name: null, words: ['1,200'] }],
    ['/who@whosaid_bot did umerov say 1,200', { intent: 'did-say', name: 'umerov', words: ['1,200'], claim: '1,200' }],
  ])('drops the bot command in %s', (input, expected) => {
    expect(parseQuestion(input)).toEqual(expected);
  });

  it('keeps only the topic words of "what did X say on …"', () => {
    expect(parseQuestion('What did Jane Smith say on the budget?')).toMatchObject({ intent: 'what-did', name: 'Jane Smith' });
    expect(parseQuestion('What did Jane Smith say on the budget?').words).toContain('budget');
  });

  it('gives no words for "who said" alone', () => {
    expect(parseQuestion('who said?').words).toEqual([]);
  });
});

describe('hostile question words', () => {
  it('ignores a "word" longer than any dictionary word, which would cost seconds of typo matching', () => {
    expect(parseQuestion(`who said ${'abcdefghij'.repeat(30)} bridge`).words).toEqual(['bridge']);
  });
});
