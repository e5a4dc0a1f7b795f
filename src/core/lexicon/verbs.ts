/** The one table of reporting verbs and the views the rules read of it. */

/** How a reporting verb takes what was said. */
export type VerbFrame = 'clause' | 'bare' | 'subject' | 'listener' | 'thought' | 'rarely' | 'makes' | 'commits' | 'calls-for';

interface Verb {
  /** The lemma, then its inflected forms. */
  readonly forms: readonly [string, ...string[]];
  readonly frames: ReadonlySet<VerbFrame>;
}

const verb = (frames: string, ...forms: [string, ...string[]]): Verb => ({ forms, frames: new Set(frames.split(' ').filter(Boolean) as VerbFrame[]) });

/**
 * The one table of reporting verbs: each verb's frames, then its lemma and forms. Frames:
 * - clause: takes the reported clause directly ("X said that …"); a verb without it reports only
 *   with a quote or "that" ("crowed, “…”", "sniffed that …");
 * - bare: takes a clause without "that" too ("Umerov said consultations would …");
 * - subject: takes a clause without "that" only when it opens with its own subject and finite verb
 *   ("remarked he expects …", "recalled the board had …"), never an object ("recalled the crash");
 * - listener: its listener comes before the clause ("told reporters that …");
 * - thought: thinking, not saying; inside someone's speech it reports no quote of its own;
 * - rarely: more often does something else ("maintain a presence", "call a vote");
 * - makes: its object may be a thing made with no words in it ("wrote the programs that …"), so a
 *   noun phrase after it reports words only when it is a text ("wrote a letter asking …");
 * - commits: "to" and a verb after it is what was promised or threatened ("vowed to ban …");
 * - calls-for: "for" and what was asked for after it, or "on" someone "to" do something
 *   ("called for a ban on …", "called on Congress to act").
 */
const VERBS: readonly Verb[] = [
  verb('clause bare', 'say', 'said', 'says', 'saying'),
  verb('clause bare listener', 'tell', 'told', 'tells', 'telling'),
  verb('clause bare', 'add', 'added', 'adds', 'adding'),
  verb('clause bare', 'note', 'noted', 'notes', 'noting'),
  verb('clause bare listener', 'warn', 'warned', 'warns', 'warning'),
  verb('clause bare', 'argue', 'argued', 'argues', 'arguing'),
  verb('clause bare', 'insist', 'insisted', 'insists', 'insisting'),
  verb('clause bare', 'explain', 'explained', 'explains', 'explaining'),
  verb('clause bare makes', 'write', 'wrote', 'written', 'writes', 'writing'),
  verb('clause bare', 'announce', 'announced', 'announces', 'announcing'),
  verb('clause bare', 'claim', 'claimed', 'claims', 'claiming'),
  verb('clause bare', 'state', 'stated', 'states'),
  verb('clause bare', 'suggest', 'suggested', 'suggests', 'suggesting'),
  verb('clause bare', 'acknowledge', 'acknowledged', 'acknowledges', 'acknowledging'),
  verb('clause bare', 'admit', 'admitted', 'admits', 'admitting'),
  verb('clause bare', 'confirm', 'confirmed', 'confirms', 'confirming'),
  verb('clause subject', 'deny', 'denied', 'denies', 'denying'),
  verb('clause bare', 'stress', 'stressed', 'stresses', 'stressing'),
  verb('clause bare', 'emphasize', 'emphasized', 'emphasizes', 'emphasizing', 'emphasise', 'emphasised', 'emphasises'),
  verb('clause subject rarely', 'maintain', 'maintained', 'maintains'),
  verb('clause bare', 'contend', 'contended', 'contends'),
  verb('clause bare', 'allege', 'alleged', 'alleges', 'alleging'),
  verb('clause bare', 'testify', 'testified', 'testifies', 'testifying'),
  verb('clause', 'advise', 'advised', 'advises', 'advising'),
  verb('clause', 'rule', 'ruled', 'rules'),
  verb('clause subject', 'echo', 'echoed', 'echoes'),
  verb('', 'voice', 'voiced', 'voices'),
  verb('clause rarely', 'indicate', 'indicated', 'indicates'),
  verb('clause subject rarely', 'reveal', 'revealed', 'reveals'),
  verb('clause bare', 'concede', 'conceded', 'concedes'),
  verb('clause bare', 'complain', 'complained', 'complains', 'complaining'),
  verb('clause subject', 'recall', 'recalled', 'recalls', 'recalling'),
  verb('clause bare', 'assert', 'asserted', 'asserts'),
  verb('clause subject rarely', 'counter', 'countered', 'counters'),
  verb('clause subject rarely', 'observe', 'observed', 'observes'),
  verb('clause bare commits', 'promise', 'promised', 'promises'),
  verb('clause bare commits', 'vow', 'vowed', 'vows'),
  verb('clause bare', 'tweet', 'tweeted', 'tweets', 'tweeting'),
  verb('clause subject', 'reply', 'replied', 'replies'),
  verb('clause subject rarely', 'respond', 'responded', 'responds'),
  verb('rarely', 'answer', 'answered', 'answers'),
  verb('clause bare', 'declare', 'declared', 'declares'),
  verb('rarely', 'continue', 'continued', 'continues'),
  verb('clause subject', 'conclude', 'concluded', 'concludes'),
  verb('bare', 'joke', 'joked', 'jokes', 'joking'),
  verb('', 'talk', 'talked', 'talks', 'talking'),
  verb('bare', 'quip', 'quipped', 'quips'),
  verb('clause subject', 'remark', 'remarked', 'remarks'),
  verb('clause subject', 'comment', 'commented', 'comments'),
  verb('clause subject', 'caution', 'cautioned', 'cautions'),
  verb('clause bare', 'predict', 'predicted', 'predicts'),
  verb('clause subject rarely', 'estimate', 'estimated', 'estimates'),
  verb('clause subject rarely', 'report', 'reported', 'reports'),
  verb('clause bare thought', 'believe', 'believed', 'believes'),
  verb('clause bare thought', 'think', 'thought', 'thinks'),
  verb('clause bare listener', 'assure', 'assured', 'assures'),
  verb('clause bare', 'confess', 'confessed', 'confesses'),
  verb('', 'retort', 'retorted', 'retorts'),
  verb('bare', 'boast', 'boasted', 'boasts'),
  verb('bare', 'lament', 'lamented', 'laments'),
  verb('clause bare', 'reiterate', 'reiterated', 'reiterates'),
  verb('clause subject', 'disclose', 'disclosed', 'discloses'),
  verb('clause subject', 'recount', 'recounted', 'recounts'),
  verb('', 'plead', 'pleaded', 'pleads'),
  verb('listener', 'urge', 'urged', 'urges'),
  verb('listener', 'ask', 'asked', 'asks'),
  verb('rarely', 'describe', 'described', 'describes', 'describing'),
  verb('rarely calls-for', 'call', 'called', 'calls'),
  verb('', 'post', 'posted', 'posts'),
  verb('', 'muse', 'mused', 'muses'),
  verb('', 'shout', 'shouted', 'shouts'),
  verb('', 'mention', 'mentioned', 'mentions'),
  verb('clause bare listener', 'inform', 'informed', 'informs'),
  verb('clause bare thought', 'agree', 'agreed', 'agrees'),
  verb('clause bare thought', 'hope', 'hoped', 'hopes'),
  verb('clause bare thought', 'fear', 'feared', 'fears'),
  verb('', 'accuse', 'accused', 'accuses'),
  verb('thought', 'wonder', 'wondered', 'wonders'),
  verb('', 'crow', 'crowed', 'crows'),
  verb('', 'scold', 'scolded', 'scolds'),
  verb('', 'stutter', 'stuttered', 'stutters'),
  verb('', 'blurt', 'blurted', 'blurts'),
  verb('', 'sniff', 'sniffed', 'sniffs'),
  verb('', 'snap', 'snapped', 'snaps'),
  verb('', 'gush', 'gushed', 'gushes'),
  verb('', 'exclaim', 'exclaimed', 'exclaims'),
  verb('', 'whisper', 'whispered', 'whispers'),
  verb('', 'murmur', 'murmured', 'murmurs'),
  verb('', 'yell', 'yelled', 'yells'),
  verb('', 'scream', 'screamed', 'screams'),
  verb('', 'groan', 'groaned', 'groans'),
  verb('', 'sigh', 'sighed', 'sighs'),
  verb('', 'laugh', 'laughed', 'laughs'),
  verb('', 'chuckle', 'chuckled', 'chuckles'),
  verb('', 'tease', 'teased', 'teases'),
  verb('', 'deadpan', 'deadpanned', 'deadpans'),
  verb('', 'marvel', 'marveled', 'marvelled', 'marvels'),
  verb('', 'rave', 'raved', 'raves'),
  verb('rarely', 'reason', 'reasoned', 'reasons'),
  verb('rarely', 'reflect', 'reflected', 'reflects'),
  verb('', 'interject', 'interjected', 'interjects'),
  verb('', 'chime', 'chimed', 'chimes'),
  verb('', 'summarize', 'summarized', 'summarizes', 'summarise', 'summarised'),
  verb('rarely', 'specify', 'specified', 'specifies'),
  verb('clause subject', 'clarify', 'clarified', 'clarifies'),
  verb('', 'elaborate', 'elaborated', 'elaborates'),
  verb('rarely', 'underline', 'underlined', 'underlines'),
  verb('rarely', 'highlight', 'highlighted', 'highlights'),
  verb('rarely', 'charge', 'charged', 'charges'),
  verb('rarely', 'demand', 'demanded', 'demands'),
  verb('rarely', 'propose', 'proposed', 'proposes'),
  verb('rarely', 'recommend', 'recommended', 'recommends'),
  verb('clause subject commits', 'pledge', 'pledged', 'pledges'),
  verb('rarely commits', 'threaten', 'threatened', 'threatens'),
  verb('clause subject', 'speculate', 'speculated', 'speculates'),
  verb('', 'surmise', 'surmised'),
  verb('bare thought', 'guess', 'guessed', 'guesses'),
  verb('thought', 'imagine', 'imagined', 'imagines'),
  verb('clause subject', 'opine', 'opined', 'opines'),
  verb('clause subject', 'proclaim', 'proclaimed', 'proclaims'),
  verb('', 'brag', 'bragged', 'brags'),
  verb('', 'gripe', 'griped', 'gripes'),
  verb('', 'grumble', 'grumbled', 'grumbles'),
  verb('', 'protest', 'protested', 'protests'),
  verb('', 'object', 'objected', 'objects'),
  verb('clause subject', 'concur', 'concurred', 'concurs'),
  verb('clause subject', 'forecast', 'forecasted', 'forecasts'),
  verb('clause subject', 'repeat', 'repeated', 'repeats'),
  verb('clause subject', 'divulge', 'divulged', 'divulges'),
  // The two-word verb by its lemma: its words are found through PHRASAL_REPORTING below.
  verb('clause subject', 'point out'),
  // Verbs that judge what they name, quoted after "as": "blasted the plan as “a disaster”".
  verb('', 'blast', 'blasted', 'blasts'),
  verb('', 'slam', 'slammed', 'slams'),
  verb('', 'dismiss', 'dismissed', 'dismisses'),
  verb('', 'criticize', 'criticized', 'criticizes', 'criticise', 'criticised', 'criticises'),
  verb('', 'praise', 'praised', 'praises'),
  verb('', 'deride', 'derided', 'derides'),
  verb('', 'denounce', 'denounced', 'denounces'),
  verb('', 'decry', 'decried', 'decries'),
  verb('', 'hail', 'hailed', 'hails'),
  verb('', 'label', 'labeled', 'labelled', 'labels'),
];

/**
 * Two-word reporting verbs, by their first word: "pointed out", "put it" ("as Clinton put it, …").
 * The lemma stands for the pair; the second word must follow at once.
 */
export const PHRASAL_REPORTING: ReadonlyMap<string, { readonly particle: string; readonly lemma: string }> = new Map<
  string,
  { particle: string; lemma: string }
>([
  ...['point', 'points', 'pointed', 'pointing'].map((f) => [f, { particle: 'out', lemma: 'point out' }] as const),
  ...['put', 'puts', 'putting'].map((f) => [f, { particle: 'it', lemma: 'say' }] as const),
  ...['sum', 'sums', 'summed', 'summing'].map((f) => [f, { particle: 'up', lemma: 'sum up' }] as const),
]);

/** Every inflected reporting verb form, lower case, mapped to its lemma. */
export const REPORTING_VERBS: ReadonlyMap<string, string> = new Map(
  VERBS.flatMap(({ forms: [lemma, ...forms] }) => [lemma, ...forms].map((f) => [f, lemma] as const)),
);

const lemmasWith = (frame: VerbFrame): ReadonlySet<string> => new Set(VERBS.filter((v) => v.frames.has(frame)).map((v) => v.forms[0]));

/** Verbs that take the reported clause directly ("X said that …"). Others need a quote or object. */
export const CLAUSE_VERBS: ReadonlySet<string> = lemmasWith('clause');

/** Verbs whose listener comes before the clause: "told reporters that …". */
export const OBJECT_VERBS: ReadonlySet<string> = lemmasWith('listener');

/** Verbs that may take a clause without "that" ("Umerov said consultations would …"). */
export const BARE_CLAUSE_VERBS: ReadonlySet<string> = lemmasWith('bare');

/** Verbs that take a clause without "that" only when it opens with a subject and its verb ("recalled he had …"). */
export const SUBJECT_CLAUSE_VERBS: ReadonlySet<string> = lemmasWith('subject');

/** Verbs of thinking, not saying: inside someone's speech they report no quote of their own. */
export const COGNITION: ReadonlySet<string> = lemmasWith('thought');

/** Verbs whose object may be a thing made, not words: "wrote the programs that …". */
export const MAKING_VERBS: ReadonlySet<string> = lemmasWith('makes');

/** Verbs that take what was promised or threatened as "to" and a verb: "vowed to ban …". */
export const COMMITTING_VERBS: ReadonlySet<string> = lemmasWith('commits');

/** Verbs that take what was asked for after "for", or a request after "on": "called for a ban", "called on Congress to act". */
export const CALLING_FOR_VERBS: ReadonlySet<string> = lemmasWith('calls-for');

/** Reporting verbs that more often do something else: "maintain a presence", "call a vote". */
export const OFTEN_NOT_SPEECH: ReadonlySet<string> = lemmasWith('rarely');

/** Verbs of speech that report a clause, neither thought nor often something else ("said", "claimed", "recalled"). */
export const CLAUSE_SPEECH_VERBS: ReadonlySet<string> = new Set(
  VERBS.filter(({ frames: f }) => f.has('clause') && !f.has('thought') && !f.has('rarely')).map((v) => v.forms[0]),
);

/**
 * The inflected finite forms ("said", "says", "stressed"; only the past with `past`) of the verbs
 * `keep` chooses, as a regular-expression alternation, longest first.
 */
export function finiteForms(keep: (lemma: string, frames: ReadonlySet<VerbFrame>) => boolean, past = false): string {
  return VERBS.filter((v) => keep(v.forms[0], v.frames))
    .flatMap(({ forms: [lemma, ...forms] }) => forms.filter((f) => f !== lemma && !f.endsWith('ing') && (!past || /(?:ed|said|told|wrote|thought)$/.test(f))))
    .sort((a, b) => b.length - a.length)
    .join('|');
}

/** Every inflected finite form of a verb of speech, not thought ("said", "says", "stressed", "points"): "X, the chair, said she …". */
export const SPOKE_FORMS: string = finiteForms((_, frames) => !frames.has('thought'));
