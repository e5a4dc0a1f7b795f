/** Word lists the quotation finder and speaker resolver share. English news conventions. */

/** How a reporting verb takes what was said. */
export type VerbFrame = 'clause' | 'bare' | 'listener' | 'thought' | 'rarely';

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
 * - listener: its listener comes before the clause ("told reporters that …");
 * - thought: thinking, not saying; inside someone's speech it reports no quote of its own;
 * - rarely: more often does something else ("maintain a presence", "call a vote").
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
  verb('clause bare', 'write', 'wrote', 'writes', 'writing'),
  verb('clause bare', 'announce', 'announced', 'announces', 'announcing'),
  verb('clause bare', 'claim', 'claimed', 'claims', 'claiming'),
  verb('clause bare', 'state', 'stated', 'states'),
  verb('clause bare', 'suggest', 'suggested', 'suggests', 'suggesting'),
  verb('clause bare', 'acknowledge', 'acknowledged', 'acknowledges', 'acknowledging'),
  verb('clause bare', 'admit', 'admitted', 'admits', 'admitting'),
  verb('clause bare', 'confirm', 'confirmed', 'confirms', 'confirming'),
  verb('clause', 'deny', 'denied', 'denies', 'denying'),
  verb('clause bare', 'stress', 'stressed', 'stresses', 'stressing'),
  verb('clause bare', 'emphasize', 'emphasized', 'emphasizes', 'emphasizing', 'emphasise', 'emphasised', 'emphasises'),
  verb('clause rarely', 'maintain', 'maintained', 'maintains'),
  verb('clause bare', 'contend', 'contended', 'contends'),
  verb('clause bare', 'allege', 'alleged', 'alleges', 'alleging'),
  verb('clause bare', 'testify', 'testified', 'testifies', 'testifying'),
  verb('clause', 'advise', 'advised', 'advises', 'advising'),
  verb('clause', 'rule', 'ruled', 'rules'),
  verb('clause', 'echo', 'echoed', 'echoes'),
  verb('', 'voice', 'voiced', 'voices'),
  verb('clause rarely', 'indicate', 'indicated', 'indicates'),
  verb('clause rarely', 'reveal', 'revealed', 'reveals'),
  verb('clause bare', 'concede', 'conceded', 'concedes'),
  verb('clause bare', 'complain', 'complained', 'complains', 'complaining'),
  verb('clause', 'recall', 'recalled', 'recalls', 'recalling'),
  verb('clause bare', 'assert', 'asserted', 'asserts'),
  verb('clause rarely', 'counter', 'countered', 'counters'),
  verb('clause rarely', 'observe', 'observed', 'observes'),
  verb('clause bare', 'promise', 'promised', 'promises'),
  verb('clause bare', 'vow', 'vowed', 'vows'),
  verb('clause bare', 'tweet', 'tweeted', 'tweets', 'tweeting'),
  verb('clause', 'reply', 'replied', 'replies'),
  verb('clause rarely', 'respond', 'responded', 'responds'),
  verb('rarely', 'answer', 'answered', 'answers'),
  verb('clause bare', 'declare', 'declared', 'declares'),
  verb('rarely', 'continue', 'continued', 'continues'),
  verb('clause', 'conclude', 'concluded', 'concludes'),
  verb('bare', 'joke', 'joked', 'jokes', 'joking'),
  verb('', 'talk', 'talked', 'talks', 'talking'),
  verb('bare', 'quip', 'quipped', 'quips'),
  verb('clause', 'remark', 'remarked', 'remarks'),
  verb('clause', 'comment', 'commented', 'comments'),
  verb('clause', 'caution', 'cautioned', 'cautions'),
  verb('clause bare', 'predict', 'predicted', 'predicts'),
  verb('clause rarely', 'estimate', 'estimated', 'estimates'),
  verb('clause rarely', 'report', 'reported', 'reports'),
  verb('clause bare thought', 'believe', 'believed', 'believes'),
  verb('clause bare thought', 'think', 'thought', 'thinks'),
  verb('clause bare listener', 'assure', 'assured', 'assures'),
  verb('clause bare', 'confess', 'confessed', 'confesses'),
  verb('', 'retort', 'retorted', 'retorts'),
  verb('bare', 'boast', 'boasted', 'boasts'),
  verb('bare', 'lament', 'lamented', 'laments'),
  verb('clause bare', 'reiterate', 'reiterated', 'reiterates'),
  verb('clause', 'disclose', 'disclosed', 'discloses'),
  verb('clause', 'recount', 'recounted', 'recounts'),
  verb('', 'plead', 'pleaded', 'pleads'),
  verb('listener', 'urge', 'urged', 'urges'),
  verb('listener', 'ask', 'asked', 'asks'),
  verb('rarely', 'describe', 'described', 'describes', 'describing'),
  verb('rarely', 'call', 'called', 'calls'),
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
  verb('clause', 'clarify', 'clarified', 'clarifies'),
  verb('', 'elaborate', 'elaborated', 'elaborates'),
  verb('rarely', 'underline', 'underlined', 'underlines'),
  verb('rarely', 'highlight', 'highlighted', 'highlights'),
  verb('rarely', 'charge', 'charged', 'charges'),
  verb('rarely', 'demand', 'demanded', 'demands'),
  verb('rarely', 'propose', 'proposed', 'proposes'),
  verb('rarely', 'recommend', 'recommended', 'recommends'),
  verb('clause', 'pledge', 'pledged', 'pledges'),
  verb('rarely', 'threaten', 'threatened', 'threatens'),
  verb('clause', 'speculate', 'speculated', 'speculates'),
  verb('', 'surmise', 'surmised'),
  verb('bare thought', 'guess', 'guessed', 'guesses'),
  verb('thought', 'imagine', 'imagined', 'imagines'),
  verb('clause', 'opine', 'opined', 'opines'),
  verb('clause', 'proclaim', 'proclaimed', 'proclaims'),
  verb('', 'brag', 'bragged', 'brags'),
  verb('', 'gripe', 'griped', 'gripes'),
  verb('', 'grumble', 'grumbled', 'grumbles'),
  verb('', 'protest', 'protested', 'protests'),
  verb('', 'object', 'objected', 'objects'),
  verb('clause', 'concur', 'concurred', 'concurs'),
  verb('clause', 'forecast', 'forecasted', 'forecasts'),
  verb('clause', 'repeat', 'repeated', 'repeats'),
  verb('clause', 'divulge', 'divulged', 'divulges'),
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

/** Verbs of thinking, not saying: inside someone's speech they report no quote of their own. */
export const COGNITION: ReadonlySet<string> = lemmasWith('thought');

/** Reporting verbs that more often do something else: "maintain a presence", "call a vote". */
export const OFTEN_NOT_SPEECH: ReadonlySet<string> = lemmasWith('rarely');

/** How a document noun is read: each reading is a rule's list, kept here once. */
export type DocumentUse = 'authored' | 'authored-by' | 'withheld' | 'heads' | 'source' | 'subject' | 'owned';

/**
 * The one table of document nouns ("the study said", "a memo obtained by …"), each with the readings
 * it takes part in:
 * - authored: a document the story may give an author for ("the study" → whoever released it);
 * - authored-by: whose author follows "by", "from" or "on" ("a study … by Civic Action");
 * - withheld: a speaker that is only a document is never stated as a person's words;
 * - heads: a body's or person's document speaks for them ("the union's Friday release");
 * - source: "a statement released by X", "The RCMP statement": its author or source speaks;
 * - subject: it says things as a sentence's subject ("A release sent to media from X said");
 * - owned: "the parole board decision": the body's own document speaks for it.
 * Words are regular-expression fragments ("e-?mail").
 */
const DOCUMENTS: ReadonlyArray<readonly [string, string]> = [
  ['study', 'authored authored-by withheld heads source subject owned'],
  ['report', 'authored authored-by withheld heads source subject owned'],
  ['paper', 'authored authored-by withheld'],
  ['memo', 'authored authored-by withheld heads source subject owned'],
  ['letter', 'authored authored-by withheld heads source subject owned'],
  ['statement', 'authored authored-by withheld heads source subject owned'],
  ['release', 'authored authored-by withheld heads source subject owned'],
  ['survey', 'authored authored-by withheld heads subject'],
  ['lawsuit', 'authored authored-by withheld heads'],
  ['suit', 'authored authored-by withheld heads'],
  ['claim', 'authored authored-by heads'],
  ['filing', 'authored authored-by withheld heads source subject owned'],
  ['document', 'authored authored-by withheld heads source'],
  ['analysis', 'authored authored-by withheld'],
  ['review', 'authored authored-by withheld'],
  ['notice', 'authored authored-by withheld source subject owned'],
  ['complaint', 'authored authored-by heads'],
  ['submission', 'authored authored-by'],
  ['brief', 'authored authored-by'],
  ['audit', 'authored authored-by'],
  ['assessment', 'authored authored-by'],
  ['plan', 'authored'],
  ['proposal', 'authored'],
  ['budget', 'authored'],
  ['policy', 'authored'],
  ['guide', 'authored'],
  ['guidelines', 'authored'],
  ['website', 'authored authored-by withheld heads'],
  ['data', 'authored authored-by withheld heads'],
  ['numbers', 'authored authored-by'],
  ['figures', 'authored authored-by'],
  ['statistics', 'authored authored-by'],
  ['poll', 'authored authored-by withheld heads subject'],
  ['census', 'authored authored-by'],
  ['tweet', 'withheld heads source subject'],
  ['post', 'withheld heads source subject'],
  ['e-?mail', 'withheld heads source subject'],
  ['decision', 'owned'],
  ['ruling', 'owned'],
  ['order', 'owned'],
];

/** The document nouns that take part in `use`, as a regular-expression alternation. */
export function documentWords(use: DocumentUse): string {
  return DOCUMENTS.filter(([, uses]) => uses.split(' ').includes(use))
    .map(([word]) => word)
    .join('|');
}

/** How a capitalised organisation word is read: each reading is a rule's list, kept here once. */
export type OrgWordUse = 'type' | 'name' | 'public';

/**
 * The one table of capitalised words that make a name an organisation's, grouped by the readings
 * they take part in:
 * - type: a run ending in it is an organisation whatever the tagger says ("Green Party", "Acme Corp");
 * - name: a run holding it is no person's name ("Veterans Affairs Canada", "Globe and Mail", "Highway 401");
 * - public: a public or non-business body ("the company" is never a ministry, court or party).
 */
const ORG_NAME_WORDS: ReadonlyArray<readonly [string, string]> = [
  [
    'type name public',
    'Ministry Council University College Court Party Police Department Government Union Association Federation Commission Committee Institute Office Board Authority Foundation League Hospital School Church Army Navy Embassy Senate Parliament Assembly Congress',
  ],
  [
    'type name',
    'Agency Inc Ltd Corp Press News Centre Center Service Services Bank Group Company Initiative Project Partnership Caucus Consortium Institution Academy Museum Forum Network Club Team Airlines Airways Motors Technologies Systems Media',
  ],
  ['type', 'Co Railway Railroad Alliance Organization Organisation Trust Fund Corporation Officer'],
  ['type public', 'Diocese Society Coalition Administration Bureau Secretariat Tribunal'],
  [
    'name',
    'Agreement Agreements Act Bill Force Forces House Times Post Journal Globe Star Mail Herald Tribune Radio TV Telegram Twitter Facebook Airport Station Region Province State City County Republic Kingdom Emirates Street Avenue Square Highway Road Bridge Park Arena Lake River Island Valley Line Route Channel Day Year Christmas Brigade',
  ],
];

/** `\b(?:…)\b`: the organisation words that take part in `use`. */
export function orgWords(use: OrgWordUse): RegExp {
  const words = ORG_NAME_WORDS.filter(([uses]) => uses.split(' ').includes(use)).flatMap(([, list]) => list.split(' '));
  return new RegExp(String.raw`\b(?:${words.join('|')})\b`);
}

/** Titles that precede a name and describe the person's role. */
export const TITLE_WORDS: ReadonlySet<string> = new Set(
  (
    'president vice prime minister premier justice judge mayor senator sen. rep. representative gov. governor chief ' +
    'dr. doctor professor prof. coach general gen. secretary chancellor king queen prince princess pope ambassador ' +
    'commissioner director chairman chairwoman chair ceo leader councillor councilor coun. sheriff detective det. sgt. sergeant ' +
    'const. constable insp. inspector supt. superintendent staff deputy foreign finance health defence defense interior ' +
    'justice attorney lawyer spokesperson spokesman spokeswoman officer captain capt. lt. lieutenant col. colonel major ' +
    'commander cmdr. adm. admiral bishop archbishop rabbi imam rev. reverend father sister brother mp mpp mla mep ' +
    'speaker minister-designate president-elect candidate host anchor editor founder owner manager executive economist ' +
    'analyst chairperson head commander-in-chief security council conservative liberal ndp democratic republican ' +
    'green opposition federal provincial state mr. mrs. ms. miss sir dame lord lady prosecutor crown principal dean ' +
    'advocate supervisor clerk administrator auditor treasurer comptroller adviser advisor strategist pollster ' +
    'correspondent organizer coordinator commentator columnist'
  ).split(' '),
);

/** Title words that end a role and so start a name: "Veterans Affairs Minister | Seamus O'Regan". */
export const TITLE_HEADS: ReadonlySet<string> = new Set(
  (
    'president minister premier justice judge mayor senator sen. rep. representative gov. governor chief dr. doctor ' +
    'professor prof. coach general gen. secretary chancellor king queen prince princess pope ambassador commissioner ' +
    'director chairman chairwoman chair chairperson ceo leader councillor councilor coun. sheriff detective det. sergeant sgt. ' +
    'constable const. inspector insp. superintendent supt. officer captain capt. lieutenant lt. colonel col. commander ' +
    'cmdr. admiral adm. bishop archbishop rabbi imam reverend rev. mp mpp mla mep speaker candidate host anchor editor ' +
    'founder owner manager executive economist analyst spokesperson spokesman spokeswoman attorney lawyer head cpl. ' +
    'author researcher scientist mr. mrs. ms. miss sir dame lord lady president-elect minister-designate ' +
    'advocate supervisor clerk administrator auditor treasurer comptroller adviser advisor strategist pollster ' +
    'correspondent organizer coordinator commentator columnist'
  ).split(' '),
);

/** Honorifics that carry no role but do carry gender. */
export const HONORIFICS: ReadonlyMap<string, 'm' | 'f'> = new Map([
  ['mr', 'm'],
  ['mr.', 'm'],
  ['mrs', 'f'],
  ['mrs.', 'f'],
  ['ms', 'f'],
  ['ms.', 'f'],
  ['miss', 'f'],
  ['sir', 'm'],
  ['dame', 'f'],
  ['lord', 'm'],
  ['lady', 'f'],
  ['king', 'm'],
  ['queen', 'f'],
  ['prince', 'm'],
  ['princess', 'f'],
]);

/** A day of the week, capitalised: a time, never part of a name ("Clinton Friday said"). */
export const WEEKDAY = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** Capitalised words that start sentences or phrases but never start a name. */
export const NOT_NAME_START: ReadonlySet<string> = new Set(
  (
    'the a an his her their its our my your this that these those there here it he she they we i but and or so yet ' +
    'in on at for from with by of to as after before when while since if although though because during about ' +
    'according asked speaking still however meanwhile also now then later earlier last next new one two three ' +
    'some many most several every each all both no not what who whom whose which where why how mr mrs ms dr ' +
    'monday tuesday wednesday thursday friday saturday sunday january february ' +
    'september october november december story continues advertisement photo read follow watch ' +
    'another nonetheless nevertheless instead indeed despite including unlike like besides moreover furthermore otherwise yes'
  ).split(' '),
);

export const PRONOUNS: ReadonlyMap<string, 'm' | 'f' | 'n' | 'p'> = new Map([
  ['he', 'm'],
  ['she', 'f'],
  ['it', 'n'],
  ['they', 'p'],
  ['we', 'p'],
  ['i', 'p'],
]);

/** Words after a verb that begin an adverbial rather than the reported clause. */
export const ADVERBIAL_START =
  /^(?:on|in|at|during|to|last|earlier|later|this|late|early|yesterday|today|tonight|recently|previously|again|also|then|once|repeatedly|publicly|privately|separately|long|for (?:years|months|weeks|decades|days)|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/i;

/** What ends a noun phrase's head: an attachment or a participle ("people | arrested last week", "a person | familiar with …"). */
export const AFTER_HEAD = /\s+(?:of|at|for|with|from|in|on|who|that|familiar|close|\p{Ll}+ed)\s+/u;

/** Past participles that open a reduced relative after a noun ("a document titled …", "the memo obtained by …"), not a clause. */
export const RELATIVE_PARTICIPLE =
  /^(?:titled|entitled|called|named|dubbed|released|published|obtained|posted|issued|signed|dated|filed|sent|written|cited|quoted|based|headed|led|run|owned|funded|commissioned|prepared|presented|submitted|seen|reviewed)$/;

/** Works that "say" things for their makers ("the book asserted", "a March Bloomberg article"), as a pattern's alternatives. */
export const WORK_NOUN = 'book|article|column|film|movie|documentary|video|editorial|essay|novel|podcast|ad|advertisement|op-ed|song|album';

/** Party members and the like: "the Kentucky Republican" is a person the story describes. */
export const MEMBER_NOUN = /(?:^|\s)(?:Republican|Democrat|Liberal|Conservative|Tory|Independent|New Democrat)s?$/;

/** "the person", "a source", "officials": who the story keeps anonymous. */
export const ANONYMOUS_HEADS = /^(?:person|source|official|insider|individual|someone)$/;

/** "the company" and its kin: a business, whichever one the story is about. */
const COMPANY_WORDS = 'company|firm|business|corporation|retailer|automaker|carrier|manufacturer|insurer|bank|airline|startup|developer|publisher|broadcaster';
export const COMPANY_HEAD = new RegExp(`^(?:${COMPANY_WORDS})$`);

/** A body by its kind alone ("the company", "the group", "the agency"): it names no one in particular. */
export const GENERIC_BODY_HEAD = new RegExp(`^(?:${COMPANY_WORDS}|group|organi[sz]ation|utility|agency)$`);

/** "his words" are what "he" said. */
export const POSSESSIVE_SUBJECT: ReadonlyMap<string, string> = new Map([
  ['his', 'he'],
  ['her', 'she'],
  ['their', 'they'],
  ['its', 'it'],
]);

/**
 * States and provinces, as news writes them after a city ("Ames, Iowa,", "Portsmouth, N.H.,",
 * "Sudbury, Ont."): the second half of a place, never a speaker. US states in full and in AP
 * abbreviation, Canadian provinces and territories in full and abbreviated, and D.C.
 */
export const REGION_NAMES: ReadonlySet<string> = new Set(
  [
    'Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois Indiana Iowa',
    'Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada',
    'New_Hampshire New_Jersey New_Mexico New_York North_Carolina North_Dakota Ohio Oklahoma Oregon Pennsylvania Rhode_Island',
    'South_Carolina South_Dakota Tennessee Texas Utah Vermont Virginia Washington West_Virginia Wisconsin Wyoming D.C.',
    'Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. Mass. Mich. Minn. Miss. Mo. Mont. Neb.',
    'Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. S.D. Tenn. Vt. Va. Wash. W.Va. Wis. Wyo.',
    'Alberta British_Columbia Manitoba New_Brunswick Newfoundland Newfoundland_and_Labrador Nova_Scotia Ontario',
    'Prince_Edward_Island Quebec Québec Saskatchewan Yukon Nunavut Northwest_Territories',
    'Alta. B.C. Man. N.B. N.L. N.S. Ont. P.E.I. Que. Sask. N.W.T.',
  ]
    .join(' ')
    .split(' ')
    .map((w) => w.replace(/_/g, ' ')),
);
