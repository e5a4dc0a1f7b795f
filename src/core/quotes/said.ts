/** When and where a quotation was said, read from the words around its reporting verb. */
import type { Said } from '../types.ts';

const DAY = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';

const WHEN_RE = new RegExp(
  [
    `\\b(?:on |last |this |early |late )?${DAY}(?:\\s+(?:morning|afternoon|evening|night))?\\b`,
    `\\bon ${MONTH} \\d{1,2}(?:, \\d{4})?\\b`,
    `\\b(?:earlier|later) (?:this|that|last) (?:week|month|year|morning|afternoon|evening)\\b`,
    `\\b(?:last|this|next) (?:week|month|year|weekend|spring|summer|fall|autumn|winter)\\b`,
    `\\b(?:yesterday|today|tonight|overnight)\\b`,
    `\\bin ${MONTH}(?: \\d{4})?\\b`,
    `\\bat the weekend\\b`,
  ].join('|'),
  'i',
);

const VENUES =
  '(?:video|statement|interview|post|speech|address|news conference|press conference|briefing|conference|meeting|rally|hearing|letter|e-?mail|tweet|blog post|op-ed|column|podcast|broadcast|message|release|filing|summit|event|ceremony|session|debate|town hall|forum|panel|visit|call|appearance|testimony|report|documentary|memo|note)';

const WHERE_RE = new RegExp(
  `\\b(?:in|during|at|on|via|through)\\s+(?:a|an|the|his|her|their|its|this|that|Monday's|Tuesday's|Wednesday's|Thursday's|Friday's|Saturday's|Sunday's)\\s+(?:[\\w'’-]+\\s+){0,4}?${VENUES}s?\\b(?:\\s+(?:posted|published|issued|released|broadcast|aired|held|given|shared|sent|filed|made)\\b)?(?:\\s+(?:on|to|with|in|at|by|from|outside|before)\\s+(?!${DAY}\\b|${MONTH}\\b)(?:the\\s+)?[\\p{L}\\p{N}'’.&-]+(?:\\s+(?!on\\b|in\\b|at\\b)[\\p{L}\\p{N}'’.&-]+){0,4})?`,
  'iu',
);

const PLATFORM_RE =
  /\b(?:on|via) (?:the )?(?:Telegram|Twitter|X|Facebook|Instagram|TikTok|YouTube|LinkedIn|Truth Social|Threads|Bluesky|television|TV|radio|state television|national television|[A-Z]{2,5}(?:'s [A-Z][\w ]+)?)\b(?: messaging app| channel| account| page)?/;

const AUDIENCE_RE =
  /\b(?:told|telling|tells)\s+((?:the\s+)?(?:reporters|journalists|lawmakers|parliament|the (?:BBC|Globe|Star|Post|Times|Guardian|Associated Press|AP|Canadian Press|CBC)|[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}))/;

function trimPhrase(s: string): string {
  return s.replace(/[\s,;:.]+$/, '').trim();
}

/**
 * Read when and where from the framing words of an attribution (the text around the reporting verb,
 * with the quotation itself left out). Returns null when neither is given.
 *
 * @example
 * findSaid('Zelenskiy said in a video posted on the Telegram messaging app on Sunday.')
 * // → { when: 'on Sunday', where: 'in a video posted on the Telegram messaging app' }
 */
export function findSaid(frame: string): Said | null {
  const whenMatch = WHEN_RE.exec(frame);
  let when = whenMatch ? trimPhrase(whenMatch[0]) : null;
  if (when && new RegExp(`^${DAY}`, 'i').test(when)) when = `on ${when}`;
  let where: string | null = null;
  const venue = WHERE_RE.exec(frame);
  if (venue) {
    where = trimPhrase(venue[0]);
    // The venue phrase must not swallow the time: "in a video posted on Telegram on Sunday".
    if (when && where.endsWith(when)) where = trimPhrase(where.slice(0, -when.length));
  } else {
    const platform = PLATFORM_RE.exec(frame);
    if (platform) where = trimPhrase(platform[0]);
    else {
      const audience = AUDIENCE_RE.exec(frame);
      if (audience?.[1] && !/^(?:him|her|them|me|us)$/i.test(audience[1])) where = `to ${trimPhrase(audience[1])}`;
    }
  }
  if (!when && !where) return null;
  return { when, where };
}
