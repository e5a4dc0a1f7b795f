/** Word lists the quotation finder and speaker resolver share. English news conventions. */
export {
  BARE_CLAUSE_VERBS,
  CALLING_FOR_VERBS,
  COMMITTING_VERBS,
  MAKING_VERBS,
  CLAUSE_SPEECH_VERBS,
  CLAUSE_VERBS,
  COGNITION,
  finiteForms,
  OBJECT_VERBS,
  OFTEN_NOT_SPEECH,
  PHRASAL_REPORTING,
  REPORTING_VERBS,
  SPOKE_FORMS,
  SUBJECT_CLAUSE_VERBS,
  type VerbFrame,
} from './lexicon/verbs.ts';
export { type DocumentUse, documentWords, ORG_TYPE, orgWords, type OrgWordUse } from './lexicon/bodies.ts';

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
    'correspondent organizer coordinator commentator columnist ranking democrat whip'
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
    'correspondent organizer coordinator commentator columnist democrat republican whip'
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
/**
 * Given names the tagger does not know as names because they are also words ("Bill", "Rose"),
 * with the gender they usually carry. Only names that, capitalised before a surname, are rarely
 * anything else: not "Hope", "Will", "Art", "May" or "Major".
 */
export const GIVEN_NAMES_ALSO_WORDS: ReadonlyMap<string, 'm' | 'f'> = new Map([
  ...'Bill Barack Jeb Mitt Rand Earl Gene Cliff Kent Norm Frank Ray'.split(' ').map((n) => [n, 'm'] as const),
  ...'Penny Rose Lily Dawn Holly Ruby Jasmine'.split(' ').map((n) => [n, 'f'] as const),
]);

export const WEEKDAY = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** A month by its name, as written. */
export const MONTH = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;

/** Capitalised words that start sentences or phrases but never start a name. */
export const NOT_NAME_START: ReadonlySet<string> = new Set(
  (
    'the a an his her their its our my your this that these those there here it he she they we i but and or so yet ' +
    'in on at for from with by of to as after before when while since if although though because during about ' +
    'according asked speaking still however meanwhile also now then later earlier last next new one two three ' +
    'some many most several every each all both no not what who whom whose which where why how mr mrs ms dr ' +
    'monday tuesday wednesday thursday friday saturday sunday january february ' +
    'september october november december story continues advertisement photo read follow watch ' +
    'another nonetheless nevertheless instead indeed despite including unlike like besides moreover furthermore otherwise yes ' +
    'once until unless whereas whenever upon whether perhaps thus hence'
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

const UNITS = 'one|two|three|four|five|six|seven|eight|nine';
/** "Twenty-four", "sixty", "nine": a number written in words, up to ninety-nine. */
const SPELLED_NUMBER = `(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:${UNITS}))?|${UNITS}|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen)`;
/** "more than 4 in 10", "26 percent", "Twenty-four percent", "three-quarters", "a majority": how many of those polled say something. */
export const POLLED_SHARE = String.raw`(?:(?:about|nearly|almost|only|just|roughly|some|more\s+than|fewer\s+than|less\s+than|over|under|another)\s+)?(?:(?:\d[\d.,]*\s*|${SPELLED_NUMBER}\s+)(?:percent|per\s+cent|%)|(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+in\s+(?:10|ten|\d+|three|four|five)|(?:a|one)\s+(?:third|quarter|half|fifth)|half|three-quarters|two-thirds|(?:a|the)\s+(?:majority|plurality))`;
