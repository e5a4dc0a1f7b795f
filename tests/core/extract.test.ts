import { describe, expect, it } from 'vitest';
import { isCertain, shownSpeakers, storyWords } from '../../src/core/certainty.ts';
import { extractQuotations } from '../../src/core/extract.ts';
import type { AttributionKind, QuoteKind, Said, Speaker } from '../../src/core/types.ts';
import { articleOf, spokenBy } from '../helpers.ts';

interface Expected {
  readonly quote: string;
  readonly kind: QuoteKind;
  readonly speakers: readonly Speaker[];
  readonly attribution: AttributionKind;
}

function quotesOf(paragraphs: string[]) {
  return extractQuotations(articleOf(paragraphs)).map((q) => ({ quote: q.quote, kind: q.kind, speakers: q.speakers, attribution: q.attribution }));
}

const who = (name: string, role: string | null = null): Speaker => ({ name, role });

describe('extractQuotations', () => {
  describe('one quotation and its speaker', () => {
    it.each<[string, string[], Expected]>([
      [
        '“…,” Smith said. (surname → full name and role)',
        ['Jane Smith, a spokeswoman for the ministry, spoke to reporters on Monday.', '“We will not accept these terms,” Smith said.'],
        { quote: '“We will not accept these terms,”', kind: 'direct', speakers: [who('Jane Smith', 'spokeswoman for the ministry')], attribution: 'name' },
      ],
      [
        '“…,” said Jane Smith, a spokeswoman for the ministry.',
        ['“The talks will resume next week,” said Jane Smith, a spokeswoman for the ministry.'],
        { quote: '“The talks will resume next week,”', kind: 'direct', speakers: [who('Jane Smith', 'spokeswoman for the ministry')], attribution: 'name' },
      ],
      [
        'X said: “…”',
        ['Interior Minister Pavel Novak said: “The border will stay closed until the end of the month.”'],
        {
          quote: '“The border will stay closed until the end of the month.”',
          kind: 'direct',
          speakers: [who('Pavel Novak', 'Interior Minister')],
          attribution: 'name',
        },
      ],
      [
        'Occupation at the start of a sentence is a title, not a first name',
        ['Economist Jane Smith said the economy would grow next year.'],
        { quote: 'the economy would grow next year', kind: 'indirect', speakers: [who('Jane Smith', 'Economist')], attribution: 'name' },
      ],
      [
        'a described head before the name: One red-state Democrat, Sen. X, said',
        ['One red-state Democrat, Montana Sen. Jon Tester, said Sunday that the wall was not the direction to go.'],
        { quote: 'that the wall was not the direction to go', kind: 'indirect', speakers: [who('Jon Tester', 'red-state Democrat')], attribution: 'name' },
      ],
      [
        'a title with "of" before the name: Keeper of the Ruler’s Seal, X, said',
        ["Keeper of the Ruler's Seal, Syed Danial Syed Ahmad, said the council held a meeting Monday."],
        {
          quote: 'the council held a meeting Monday',
          kind: 'indirect',
          speakers: [who('Syed Danial Syed Ahmad', "Keeper of the Ruler's Seal")],
          attribution: 'name',
        },
      ],
      [
        'a surname that is also a common word: “…,” Michael Every, a strategist, said',
        ['“Let us see who folds there,” Michael Every, a senior strategist for Rabobank, said in a commentary.'],
        { quote: '“Let us see who folds there,”', kind: 'direct', speakers: [who('Michael Every', 'senior strategist for Rabobank')], attribution: 'name' },
      ],
      [
        'a sentence opened by a conjunction: But the director of X, Jane Smith, says',
        ['But the director of provincial operations for EHS, Jeff Fraser, says the system is designed for that to happen.'],
        {
          quote: 'the system is designed for that to happen',
          kind: 'indirect',
          speakers: [who('Jeff Fraser', 'director of provincial operations for EHS')],
          attribution: 'name',
        },
      ],
      [
        'a party and state in parentheses: Sen. X (R-Texas) said',
        ['Sen. Ted Cruz (R-Texas) said the deal was a disaster.'],
        { quote: 'the deal was a disaster', kind: 'indirect', speakers: [who('Ted Cruz', 'Sen.')], attribution: 'name' },
      ],
      [
        'a title with "of": Former Secretary of State X said',
        ['Former Secretary of State Hillary Clinton said the campaign would go on.'],
        { quote: 'the campaign would go on', kind: 'indirect', speakers: [who('Hillary Clinton', 'Former Secretary of State')], attribution: 'name' },
      ],
      [
        'an affiliation is a role: X with the Y said',
        ['Tim Guest with the Nova Scotia Health Authority said there are many reasons for the delays.'],
        {
          quote: 'there are many reasons for the delays',
          kind: 'indirect',
          speakers: [who('Tim Guest', 'with the Nova Scotia Health Authority')],
          attribution: 'name',
        },
      ],
      [
        'what the person was doing is no role: X, campaigning for Y, told voters',
        ['Barack Obama, campaigning for Clinton in North Carolina, told voters that democracy was on the ballot.'],
        { quote: 'that democracy was on the ballot', kind: 'indirect', speakers: [who('Barack Obama')], attribution: 'name' },
      ],
      [
        'a role given by "X is the …" earlier in the story',
        ['Jane Smith is the mayor of Surrey.', '“We will rebuild,” Smith said.'],
        { quote: '“We will rebuild,”', kind: 'direct', speakers: [who('Jane Smith', 'mayor of Surrey')], attribution: 'name' },
      ],
      [
        'X said on Monday that …',
        ['Health Minister Mark Holland said on Monday that the government would expand the program.'],
        { quote: 'that the government would expand the program', kind: 'indirect', speakers: [who('Mark Holland', 'Health Minister')], attribution: 'name' },
      ],
      [
        'title role: Prime Minister Justin Trudeau said',
        ['Prime Minister Justin Trudeau said the agreement would protect thousands of jobs.'],
        { quote: 'the agreement would protect thousands of jobs', kind: 'indirect', speakers: [who('Justin Trudeau', 'Prime Minister')], attribution: 'name' },
      ],
      [
        '…, X said. (final attribution)',
        [
          'Ruth Baker, the chief economist at Northgate Bank, spoke in Ottawa on Monday.',
          'The central bank will publish its next forecast in January, Baker said.',
        ],
        {
          quote: 'The central bank will publish its next forecast in January',
          kind: 'indirect',
          speakers: [who('Ruth Baker', 'chief economist at Northgate Bank')],
          attribution: 'name',
        },
      ],
      [
        'a sentence finished by quoted words: … are “very exciting,” says X',
        ['Results for the first 500 people enrolled are “very exciting,” says senior manager Erin Kim.'],
        {
          quote: 'Results for the first 500 people enrolled are “very exciting,”',
          kind: 'indirect',
          speakers: [who('Erin Kim', 'senior manager')],
          attribution: 'name',
        },
      ],
      [
        'an organisation with "and" inside the role: says Heart and Stroke senior manager X',
        ['“The results are very exciting for everyone,” says Heart and Stroke senior manager Erin Kim.'],
        { quote: '“The results are very exciting for everyone,”', kind: 'direct', speakers: [who('Erin Kim', 'senior manager')], attribution: 'name' },
      ],
      [
        '…, according to X.',
        ['The strike will end within days, according to union leader Tom Reed.'],
        { quote: 'The strike will end within days', kind: 'indirect', speakers: [who('Tom Reed', 'union leader')], attribution: 'name' },
      ],
      [
        'According to X, …',
        ['According to Health Minister Mark Holland, the program will be expanded to every province.'],
        { quote: 'the program will be expanded to every province', kind: 'indirect', speakers: [who('Mark Holland', 'Health Minister')], attribution: 'name' },
      ],
      [
        'X told reporters that …',
        ['Prime Minister Justin Trudeau told reporters that the deal was fair for both countries.'],
        { quote: 'that the deal was fair for both countries', kind: 'indirect', speakers: [who('Justin Trudeau', 'Prime Minister')], attribution: 'name' },
      ],
      [
        'X told reporters at a briefing in Y that …',
        ['Foreign ministry spokeswoman Hua Lin told reporters at a daily briefing in Beijing that the trade talks would resume in March.'],
        {
          quote: 'that the trade talks would resume in March',
          kind: 'indirect',
          speakers: [who('Hua Lin', 'Foreign ministry spokeswoman')],
          attribution: 'name',
        },
      ],
      [
        'appositive role: Peter Lang, a doctor at X, said',
        ['Peter Lang, a doctor at the city hospital, said the wards were full every night.'],
        { quote: 'the wards were full every night', kind: 'indirect', speakers: [who('Peter Lang', 'doctor at the city hospital')], attribution: 'name' },
      ],
      [
        'nominal role: the minister said',
        ['Health Minister Jane Smith visited the hospital on Friday.', '“The nurses here have been working under enormous pressure,” the minister said.'],
        {
          quote: '“The nurses here have been working under enormous pressure,”',
          kind: 'direct',
          speakers: [who('Jane Smith', 'Health Minister')],
          attribution: 'role',
        },
      ],
      [
        'an unnamed source stays unnamed',
        ['“The talks were useful and we will meet again soon,” a spokesperson for the ministry said.'],
        {
          quote: '“The talks were useful and we will meet again soon,”',
          kind: 'direct',
          speakers: [who('a spokesperson for the ministry')],
          attribution: 'unnamed',
        },
      ],
      [
        'a group named by its appositive after a clause: …, but their allies, members of X, have said',
        [
          'The Conservatives do not hold a majority of seats, but their allies, members of Northern Ireland’s Democratic Unionist Party (DUP), have said they will back the government.',
        ],
        {
          quote: 'they will back the government',
          kind: 'indirect',
          speakers: [who('members of Northern Ireland’s Democratic Unionist Party (DUP)')],
          attribution: 'unnamed',
        },
      ],
      [
        'a possessive group: Their allies have said',
        ['Their allies have said they will back the government.'],
        { quote: 'they will back the government', kind: 'indirect', speakers: [who('Their allies')], attribution: 'unnamed' },
      ],
      [
        'a party is no person, and its members are not the party: Members of the Green Party said',
        ['Members of the Green Party said the vote was close.'],
        { quote: 'the vote was close', kind: 'indirect', speakers: [who('Members of the Green Party')], attribution: 'unnamed' },
      ],
      [
        'an intro paragraph ending "X said:"',
        ['Prime Minister Donald Tusk said:', '“We will not back down on the fence, whatever Minsk does next.”'],
        {
          quote: '“We will not back down on the fence, whatever Minsk does next.”',
          kind: 'direct',
          speakers: [who('Donald Tusk', 'Prime Minister')],
          attribution: 'intro',
        },
      ],
    ])('%s', (_label, paragraphs, expected) => {
      expect(quotesOf(paragraphs)).toEqual([expected]);
    });

    it('gives each of two relayed sources in one sentence its own clause ("X reported, while …, the Y reported")', () => {
      const quotes = quotesOf([
        'In Halifax, crowds lined the harbour with lanterns held aloft, CBC News reported, while in Moncton the parade began with a minute of silence, the Moncton Times reported.',
      ]);
      expect(quotes.map((q) => [q.quote, q.speakers[0]?.name ?? null])).toEqual([
        ['In Halifax, crowds lined the harbour with lanterns held aloft', 'CBC News'],
        ['in Moncton the parade began with a minute of silence', 'Moncton Times'],
      ]);
    });

    it.each<[string, string[], string, string]>([
      [
        'a time between subject and verb ("X last week said")',
        ['Dana Ruiz last week said the ferry would run all night.'],
        'the ferry would run all night',
        'Dana Ruiz',
      ],
      [
        'a capitalised party label ends the role ("Ranking Democrat Maria Lopez")',
        ['Ranking Democrat Maria Lopez said the ferry would run all night.'],
        'the ferry would run all night',
        'Maria Lopez',
      ],
    ])('names the speaker across %s', (_label, paragraphs, quote, speaker) => {
      const q = quotesOf(paragraphs).find((x) => x.quote === quote);
      expect(q?.speakers.map((s) => s.name)).toEqual([speaker]);
    });

    it('ends a reported clause where a named speaker starts another', () => {
      const quotes = quotesOf([
        'Adam Reed runs the fund.',
        'While some critics say government should not pay a middle man, Reed says the premium makes everyone work harder.',
      ]);
      expect(quotes.map((q) => [q.quote, q.speakers[0]?.name ?? null])).toEqual([
        ['government should not pay a middle man', 'some critics'],
        ['the premium makes everyone work harder', 'Adam Reed'],
      ]);
    });

    it.each([
      [['Donald Trump was asked about the polls.', 'His response: “The polls are rigged, believe me.”'], 'own-words-owner'],
      [['Donald Trump was asked about the polls.', 'Trump’s reply: “The polls are rigged, believe me.”'], 'name'],
      [['Donald Trump spoke in Ohio.', 'Trump’s message was simple: “The polls are rigged, believe me.”'], 'own-words-owner'],
    ])("gives a person's own response or message to the person: %j", (paragraphs, resolver) => {
      const q = extractQuotations(articleOf(paragraphs)).at(-1)!;
      expect(q.speakers.map((s) => s.name)).toEqual(['Donald Trump']);
      expect(q.resolvedBy).toBe(resolver);
      // own-words-owner was right 3 of 5 times on the dev sets: too few to state (certainty.ts).
      expect(isCertain(q)).toBe(resolver === 'name');
    });

    it('joins quoted fragments after one verb into one mixed quotation, but not a list or a split attribution', () => {
      expect(
        quotesOf(['John Schickel, a state senator, called it “completely unfair” for the students “to be dragged through the mud like this.”']).map(
          (q) => q.quote,
        ),
      ).toEqual(['“completely unfair” for the students “to be dragged through the mud like this.”']);
      expect(
        quotesOf(['Nathan Phillips said he heard students shout, “Build that wall right now!” and “Go back to the reservation!”']).map((q) => q.quote),
      ).toHaveLength(2);
      expect(quotesOf(['Jane Smith runs the clinic.', '“We are ready for this,” she said, “and we will win in the end.”']).map((q) => q.quote)).toHaveLength(2);
    });

    it.each<[string, string[], string[]]>([
      [
        'X warned that …, and urged Y to …',
        ['Jane Smith is the city’s medical officer. Smith warned that cases would rise, and urged residents to get vaccinated.'],
        ['that cases would rise', 'residents to get vaccinated'],
      ],
      [
        'X said …, and added …',
        ['Jeff Traeger runs the union. He said unionization is overdue in the industry, and added he doesn’t think customers will mind paying more.'],
        ['unionization is overdue in the industry', 'he doesn’t think customers will mind paying more'],
      ],
      [
        'X said that …, but added that …',
        ['Prime Minister Mahathir Mohamad said Monday that it was up to the council to pick the king, but added that he hoped it would be done quickly.'],
        ['that it was up to the council to pick the king', 'that he hoped it would be done quickly'],
      ],
      [
        'According to X, … but Y says …',
        ['Terry Chapman leads the union. According to the agency, the target is being met in most cases but Chapman says that’s not what the union is seeing.'],
        ['the target is being met in most cases', 'that’s not what the union is seeing'],
      ],
      [
        'any reporting verb with "that": he lamented that …',
        ['Vladimir Putin spoke on Tuesday. In a statement this month, he lamented that global fears of a nuclear war have ebbed.'],
        ['that global fears of a nuclear war have ebbed'],
      ],
      [
        'X said …, and then quipped, “…”',
        ['Billy Eichner showed up. Eichner said he was gay and then quipped to Colton, “That you should look into. Maybe you are the first one.”'],
        ['he was gay', '“That you should look into. Maybe you are the first one.”'],
      ],
      [
        'X said … and added, “…”',
        ['Jeff Traeger runs the union. Traeger said the vote was close and added, “We will keep organizing, store by store.”'],
        ['the vote was close', '“We will keep organizing, store by store.”'],
      ],
      [
        'a report inside an opening "While …," clause ends at its comma',
        ['While the Rockets said they would not speak to the lawsuit, the team’s general manager defended the league.'],
        ['they would not speak to the lawsuit'],
      ],
      [
        "a named person's report in a relative clause: … deaths that Lohmar said are unrelated",
        ['Tim Lohmar is the county prosecutor. Officials said the city has had six deaths in the past eight days that Lohmar said are unrelated.'],
        ['the city has had six deaths in the past eight days', 'are unrelated'],
      ],
      [
        '… also when a quotation closes before the comma',
        ['While the Wells Fargo board emphasized that Mr. Sloan was “ready to lead the company into the future,” the bank’s critics focused on his role.'],
        ['that Mr. Sloan was “ready to lead the company into the future,”'],
      ],
      [
        '… but not one in the main clause after it',
        ['Even though Dorie Greenspan has written books with chefs, she maintains that she is a home cook, one that burned down her kitchen as a kid.'],
        ['that she is a home cook, one that burned down her kitchen as a kid'],
      ],
      [
        'a quoted description that runs on: described herself as “…” and feeling …',
        ['Stylist Tracy described herself as “short of breath” and feeling a little nauseous because Demi touched the rose.'],
        ['“short of breath” and feeling a little nauseous because Demi touched the rose'],
      ],
      ['… but not into what the subject did next', ['The mayor described the plan as “reckless” and left the room.'], ['“reckless”']],
      [
        'admitted without "that"',
        ['Anne Marie Cerato was at the party. To his disappointment, Cerato admitted she wasn’t a member of the X-Men.'],
        ['she wasn’t a member of the X-Men'],
      ],
    ])('splits and finds reported clauses: %s', (_label, paragraphs, expected) => {
      expect(quotesOf(paragraphs).map((q) => q.quote)).toEqual(expected);
    });

    it('finds the speaker past a quote inside a relative clause, and what they say after it', () => {
      const quotes = quotesOf([
        'Toronto retiree Doug Purdy, who lost 16 lbs. “and two belt loops” between May and October, says the program changed his life.',
      ]);
      expect(quotes.map((q) => [q.quote, q.speakers[0]?.name])).toEqual([
        ['“and two belt loops”', 'Doug Purdy'],
        ['the program changed his life', 'Doug Purdy'],
      ]);
    });

    it.each<[string, string, string | null]>([
      [
        'a relative clause with commas of its own',
        'Dana Ruiz, who lost her daughter in Aurora, Colorado, in July 2012, said that the senator had treated her family badly.',
        'Dana Ruiz',
      ],
      [
        'an age, a home town and a relative clause',
        '“Both of them scare me,” Tom Reyes, 30, of Raleigh, N.C., who was among those polled, said in an interview.',
        'Tom Reyes',
      ],
      [
        'a party label and a relative clause',
        'Sen. Ann Lee (D-Mo.), who has endorsed Clinton, said the senator had pushed her to be a stronger candidate.',
        'Ann Lee',
      ],
      [
        'an opening phrase, then a name and its age',
        'Appearing before supporters on Monday, Dana Ruiz, 70, said it was too early to congratulate the winners.',
        'Dana Ruiz',
      ],
      [
        'not a name after "and": aides to two governors speak',
        'And aides to Gov. Tom Reyes of Ohio, a former prosecutor, and Gov. Ann Lee of Iowa, who had a long career in Congress, said their speeches would change.',
        null,
      ],
      ['not a name after "like"', 'The network, like The Valley Courier, which was the first to do so, declared that the mayor had won.', null],
    ])('the speaker before a relative clause: %s', (_label, paragraph, speaker) => {
      const q = quotesOf([paragraph])[0];
      expect(q ? (q.speakers[0]?.name ?? null) : null).toBe(speaker);
    });

    it('finds reported speech beside a quote the same sentence attributes', () => {
      const quotes = quotesOf([
        'Though Justice Sean Dunphy said he was loath to penalize a charity, he believed the station had acted improperly by “tossing roadblocks in the way of democracy.”',
      ]);
      expect(quotes.map((q) => q.quote)).toEqual([
        'he was loath to penalize a charity',
        'the station had acted improperly by “tossing roadblocks in the way of democracy.”',
      ]);
      expect(quotes.every((q) => q.speakers[0]?.name === 'Sean Dunphy')).toBe(true);
    });

    it.each<[string, string[], string]>([
      [
        'a belief inside what someone said',
        [
          'Chrystia Freeland spoke in Ottawa.',
          'Freeland said even though Canada believes the death penalty is wrong, "Canadians who travel abroad need to be aware that it exists."',
        ],
        'Chrystia Freeland',
      ],
      [
        'a verb that is no reporting verb here',
        [
          'Eric Stubbs leads the RCMP in the north.',
          'He said RCMP will maintain a presence in the area this week and will then move to a "significantly scaled down presence."',
        ],
        'Eric Stubbs',
      ],
    ])('gives the quote to the speech verb: %s', (_label, paragraphs, speaker) => {
      expect(
        quotesOf(paragraphs)
          .at(-1)
          ?.speakers.map((s) => s.name),
      ).toEqual([speaker]);
    });

    it('takes a short quoted word after "called" as the speaker\'s own', () => {
      const quotes = quotesOf(['Prosecutor Michael Pilon called the defence theory “bold” and questioned the expert.']);
      expect(quotes.map((q) => [q.quote, q.speakers[0]?.name])).toEqual([['“bold”', 'Michael Pilon']]);
    });

    it('leaves a short quoted word without such a verb alone', () => {
      expect(quotesOf(['The so-called “bold” plan was dropped on Monday by the council.'])).toEqual([]);
    });

    it("keeps a main-clause belief after a comma as the quote's source", () => {
      const quotes = quotesOf([
        'Though Justice Sean Dunphy said he was loath to penalize a charity, Brian Hemming believed the station had acted by “tossing roadblocks in the way of democracy.”',
      ]);
      expect(quotes.at(-1)?.speakers.map((s) => s.name)).toEqual(['Brian Hemming']);
    });

    it.each<[string, string[], string | null]>([
      ['says X’s partner, Name', ['“Most places will not print anything less than 1,000 copies,” says Campbell’s partner, Jason Louth.'], 'Jason Louth'],
      ['says X’s dad, Name', ['“If he wasn’t publishing local comics, I don’t think my son would be drawing,” says Wise’s dad, Darrin.'], 'Darrin'],
      [
        'a possessive that owns no speaker',
        [
          'Later that month, the firm applied for a review, arguing Roussel’s refusal to issue an invitation was an “unreasonable exercise of her discretion” and more.',
        ],
        null,
      ],
    ])('never takes an owner for the speaker: %s', (_label, paragraphs, speaker) => {
      const q = quotesOf(paragraphs).at(-1);
      expect(q?.speakers.some((s) => /Campbell|Wise|Roussel/.test(s.name))).toBe(false);
      if (speaker) expect(q?.speakers.map((s) => s.name)).toEqual([speaker]);
    });

    it('finds the subject after an opening adverbial for ", arguing …"', () => {
      const q = quotesOf([
        'Later that month, SNC-Lavalin applied for judicial review, arguing the refusal to issue an invitation was an “unreasonable exercise of her discretion” and more.',
      ]).at(-1);
      expect(q?.speakers.map((s) => s.name)).toEqual(['SNC-Lavalin']);
    });

    it.each<[string, string, string, string]>([
      [
        '"— but the X say …" inside another clause',
        "TransCanada has said it signed agreements with all First Nations along the route — but the hereditary leaders say those agreements don't apply to their territories.",
        'the hereditary leaders',
        "those agreements don't apply to their territories",
      ],
      [
        '"some in the X say" after an adverbial',
        'However, in the two years since the attack, some in the Muslim community say the outpouring of support has dried up.',
        'some in the Muslim community',
        'the outpouring of support has dried up',
      ],
    ])('finds group speakers: %s', (_label, paragraph, speaker, quote) => {
      const q = quotesOf([paragraph]).at(-1);
      expect([q?.speakers[0]?.name, q?.quote]).toEqual([speaker, quote]);
    });

    it.each<[string, string, string]>([
      [
        'a relative clause between speaker and verb',
        '"This is an outrage and a direct slap in the face," a citizen, whose name is redacted, wrote on Aug. 29.',
        'a citizen',
      ],
      [
        '"As X commented:"',
        'As one veteran of the government infrastructure projects commented: “I’ve never seen one come in ahead of schedule.”',
        'one veteran of the government infrastructure projects',
      ],
    ])('finds unnamed speakers: %s', (_label, paragraph, speaker) => {
      expect(quotesOf([paragraph])[0]?.speakers.map((s) => s.name)).toEqual([speaker]);
    });

    it.each<[string, string, string | null]>([
      ['urged people to …', 'Justin Trudeau urged people to send a message to the Ford government.', 'people to send a message to the Ford government'],
      ['asked reporters to …', 'Jane Smith asked reporters to leave the room before the vote.', 'reporters to leave the room before the vote'],
      ['asked about … is no request', 'Jane Smith asked about the plan at the meeting on Monday.', null],
    ])('reads a request as reported speech: %s', (_label, paragraph, quote) => {
      expect(quotesOf([paragraph])[0]?.quote ?? null).toBe(quote);
    });

    it('drops a manner adverb after the speaker’s name', () => {
      expect(quotesOf(['Catherine helpfully noted that Colton might spend the night with someone else.'])[0]?.speakers.map((s) => s.name)).toEqual([
        'Catherine',
      ]);
    });

    it.each([
      ['ruled', 'Justice Ann Reed ruled that the evidence was admissible in the trial.', 'that the evidence was admissible in the trial'],
      [
        'advises',
        'The Forecaddie advises that Schniederjans may well be the next member to break out.',
        'that Schniederjans may well be the next member to break out',
      ],
    ])('reads "%s that …" as reported speech', (_verb, paragraph, quote) => {
      expect(quotesOf([paragraph])[0]?.quote).toBe(quote);
    });

    it('reads "described X as Y" as their description, and a capitalised plural as no person', () => {
      const quotes = extractQuotations(
        articleOf(['Authorities described his attempt to steal another vehicle as a carjacking and said she stabbed its driver seven times.']),
      );
      expect(quotes.map((q) => q.quote)).toEqual(['a carjacking', 'she stabbed its driver seven times']);
      expect(quotes.every((q) => q.attribution !== 'name')).toBe(true);
    });

    it.each([
      ['an adjective after "most"', 'Amanda Nunes left the world’s most feared female fighter face-down on the canvas.'],
      ['"denied" with an object', 'The provincial government denied a request by a school district to replace a 70-year-old school.'],
      ['"added" a goal', 'The Sharks added yet another goal early in the third when Melker Karlsson redirected a point shot.'],
      ['a thing told, "told you everything"', 'I am sure your neighbours told you everything you need to know about the ferry.'],
    ])('is no reported speech: %s', (_label, paragraph) => {
      expect(quotesOf([paragraph])).toEqual([]);
    });

    it.each(['warned', 'insisted', 'explained', 'added', 'noted', 'argued', 'wrote', 'announced', 'stressed', 'admitted', 'echoed'])(
      'reporting verb "%s"',
      (verb) => {
        const [q, ...rest] = extractQuotations(
          articleOf(['Ruth Baker runs the bank’s research team.', `“The economy is slowing faster than anyone expected,” Baker ${verb}.`]),
        );
        expect(rest).toEqual([]);
        expect(q).toMatchObject({ kind: 'direct', verb, attribution: 'name', speakers: [{ name: 'Ruth Baker' }] });
      },
    );
  });

  describe('verbs that share a subject with an earlier verb', () => {
    it.each<[string, string[], string, string]>([
      [
        '"X remembers him apologizing, saying …" (the one apologizing)',
        ['Neil Calder was charged in December.', 'Wendy Golden remembers him apologizing in court, saying he had never meant for Kody to die.'],
        'he had never meant for Kody to die',
        'Neil Calder',
      ],
      [
        '"… and then, behind her back, sniffed that …"',
        [
          'Dana Price is a designer from Ohio.',
          'Dana Price apologized to her face and then, behind her back, sniffed that “there is no advantage to being older here.”',
        ],
        'that “there is no advantage to being older here.”',
        'Dana Price',
      ],
      [
        '"… she picked it up and crowed, “…”"',
        [
          'Dana Price is a designer from Ohio. Tom Reed hosts the show.',
          'Dana Price liked the idea, so when she returned she picked it up and crowed, “Oh, it’s my rose,” and walked off.',
        ],
        '“Oh, it’s my rose,”',
        'Dana Price',
      ],
      [
        '"Nonetheless, she … and, without …, told X she was “…”"',
        [
          'Dana Price is a designer from Ohio.',
          'Nonetheless, she played nice by finding Tom in the kitchen and, without meaning a word of it, told Tom he was “one of the kindest men I have met.”',
        ],
        'he was “one of the kindest men I have met.”',
        'Dana Price',
      ],
    ])('%s', (_label, paragraphs, quote, speaker) => {
      const q = quotesOf(paragraphs).find((x) => x.quote === quote);
      expect(q?.speakers[0]?.name).toBe(speaker);
    });

    it('does not take an aside\'s "and" for a shared subject when the speaker follows the verb', () => {
      const quotes = quotesOf(['Ann Lowe runs a barbershop.', 'It is a comfort blanket for his ego (and yes, winter beards are a real thing, says Lowe.']);
      expect(quotes).toHaveLength(1);
      expect(quotes[0]).toMatchObject({ attribution: 'name', speakers: [{ name: 'Ann Lowe' }] });
      expect(quotes[0]?.quote).toContain('winter beards are a real thing');
    });
  });

  describe('pronouns', () => {
    it('resolves "she" to the woman when a man and a woman are named', () => {
      expect(
        quotesOf([
          'Fire chief Tom Reed and Mayor Jane Doe toured the damaged district on Tuesday.',
          '“We have never seen flooding like this in the city,” she said.',
        ]),
      ).toEqual([
        { quote: '“We have never seen flooding like this in the city,”', kind: 'direct', speakers: [who('Jane Doe', 'Mayor')], attribution: 'pronoun' },
      ]);
    });

    it('never reads "he" in "Schumer, he said, “…”" as the man the speaker talks about', () => {
      const quotes = quotesOf([
        'Chuck Schumer leads the Democrats.',
        '“It’s the old minds and hearts thing,” said Sen. Richard Blumenthal. Schumer, he said, “knows the minds and hearts of his colleagues.”',
      ]);
      expect(quotes.map((q) => q.speakers[0]?.name)).toEqual(['Richard Blumenthal', 'Richard Blumenthal']);
    });

    it('does not take a man named inside a relative clause for the "he" the story keeps talking about', () => {
      const quotes = quotesOf([
        '“We had a great time,” Ian Poulter said.',
        'That includes a text message that European captain Jose Maria Olazabal sent to Poulter on Christmas Day. He framed the text on a silver board.',
        '“They get to see that when they’re there,” he said.',
      ]);
      expect(quotes.at(-1)?.speakers.map((s) => s.name)).toEqual(['Ian Poulter']);
    });

    it('resolves "he" to the man when a woman was named last', () => {
      const quotes = quotesOf(['Tom Reed met Jane Doe at the scene.', '“The crews did everything they could,” he said.']);
      expect(quotes[0]?.speakers).toEqual([who('Tom Reed')]);
    });

    it('resolves "she" and "he" in turn to the right people', () => {
      const quotes = quotesOf([
        'Health Minister Jane Smith and her deputy, Tom Reed, visited the hospital on Friday.',
        '“The staff here deserve better pay and better hours,” she said.',
        '“We will look at the rosters first,” he said.',
      ]);
      expect(quotes.map((q) => q.speakers[0]?.name)).toEqual(['Jane Smith', 'Tom Reed']);
      expect(quotes.map((q) => q.attribution)).toEqual(['pronoun', 'pronoun']);
    });

    it('prefers the woman named earlier over a man named since when the pronoun is "she"', () => {
      const quotes = quotesOf([
        'Jane Smith spoke first at the meeting.',
        'Then Tom Reed took the floor and criticised the plan.',
        '“This plan will cost far more than anyone has admitted,” she said.',
      ]);
      expect(quotes[0]?.speakers).toEqual([who('Jane Smith')]);
    });

    it('continues with the speaker of a reported clause', () => {
      const quotes = quotesOf(['Ruth Baker said the plan was flawed.', 'She said the bank should wait for more data before acting.']);
      expect(quotes.map((q) => [q.quote, q.speakers[0]?.name, q.attribution])).toEqual([
        ['the plan was flawed', 'Ruth Baker', 'name'],
        ['the bank should wait for more data before acting', 'Ruth Baker', 'pronoun'],
      ]);
    });

    it('follows narration by pronoun past the usual reach', () => {
      const quotes = quotesOf([
        'Mary Lane now lives alone on the edge of town. She keeps his letters in a box.',
        'Her message now is simple: lock up your medicine.',
        'Tom Reed, a researcher, has studied the drug for years.',
        'The drug was first sold in 1963 and its sales rose through the decade.',
        'After the trial ended, she urged the police to look again.',
        'But she persisted. Nobody else was to blame, she says, and the case should be reopened.',
      ]);
      expect(quotes.at(-1)?.speakers).toEqual([who('Mary Lane')]);
      expect(quotes.at(-1)?.attribution).toBe('pronoun');
    });

    it('does not extend the reach when no narration continues', () => {
      const quotes = quotesOf([
        'Mary Lane now lives alone on the edge of town.',
        'Tara Gomes, a researcher, has studied the drug for years.',
        'The drug was first sold in 1963 and its sales rose through the decade.',
        'Regulators looked at it again in 1990.',
        'Doctors prescribed less of it after that.',
        'Nobody else was to blame, she says, and the case should be reopened.',
      ]);
      expect(quotes.at(-1)?.speakers).toEqual([]);
    });

    it('takes a name after a lower-case title for a person, whatever the tagger makes of "Bill"', () => {
      const quotes = quotesOf([
        'The sticker price Kinder Morgan put on the pipeline was $6.5 billion. Hence, finance minister Bill Morneau and his team thought they had a bargain.',
        'These are generous assumptions and Morneau was clutching at straws when he said the price paid was “appropriate.”',
      ]);
      expect(quotes.at(-1)?.speakers.map((s) => s.name)).toEqual(['Bill Morneau']);
    });

    it('never takes the listener after "told" for the speaker', () => {
      const quotes = quotesOf([
        'Demi Burnett tracked down Tracy Shapoff in the bedroom and, without meaning a word of it, told Tracy she was “one of the most amazing women I have ever met.”',
      ]);
      expect(quotes.flatMap((q) => q.speakers.map((s) => s.name))).not.toContain('Tracy Shapoff');
    });

    it('takes a one-word speaker the story calls "she" for a person', () => {
      const quotes = quotesOf([
        'At the cocktail party, Demi decided to step up her campaign against the older girls.',
        '“Some of us younger girls are already five steps ahead of them,” she said.',
        '“The cougar attacks do not get to me at all,” Demi said.',
      ]);
      expect(quotes.map((q) => [q.speakers[0]?.name, q.attribution])).toEqual([
        ['Demi', 'pronoun'],
        ['Demi', 'name'],
      ]);
    });

    it('keeps a lone surname with the longer name the story gives it', () => {
      const quotes = quotesOf([
        'Foreign Affairs Minister Chrystia Freeland spoke in Ottawa.',
        'Freeland said Canada was working hard on the case of the detained men.',
        'Canada has asked the ambassador for clemency, she said.',
      ]);
      expect(quotes.map((q) => q.speakers[0]?.name)).toEqual(['Chrystia Freeland', 'Chrystia Freeland']);
    });

    it('leaves a pronoun with nobody to refer to without a speaker', () => {
      const quotes = quotesOf(['“The mayor was never told about the deal,” she said.']);
      expect(quotes).toHaveLength(1);
      expect(quotes[0]?.speakers).toEqual([]);
      expect(quotes[0]?.attribution).toBe('none');
    });
  });

  describe('a quote after a short lead-in with a colon', () => {
    it('continues the speaker just quoted in the paragraph', () => {
      expect(
        spokenBy([
          'Dana Price spoke at the meeting.',
          '“Forget about the rivals,” Price said. And here was the big reveal: “I am a big believer in this company and I will invest more.”',
        ]),
      ).toEqual([
        ['“Forget about the rivals,”', 'Dana Price'],
        ['“I am a big believer in this company and I will invest more.”', 'Dana Price'],
      ]);
    });

    it('never takes the speaker of a quote that comes after it', () => {
      const quotes = quotesOf([
        'Dana Price and Tom Reed spoke at the meeting.',
        'The mood turned in May with this: “Sell everything now, before it is too late.” “We will not sell,” Tom Reed said.',
      ]);
      expect(quotes[0]?.speakers).toEqual([]);
    });
  });

  describe('quotes across paragraphs', () => {
    it('carries an unclosed quote into the next paragraph with the same speaker', () => {
      const quotes = quotesOf([
        'Mayor Tom Reed said the storm had caused widespread damage.',
        '“The water came up faster than anyone expected. We lost power in half the city.',
        '“Crews have been working around the clock,” he said.',
      ]);
      expect(quotes.map((q) => [q.kind, q.speakers[0]?.name, q.attribution])).toEqual([
        ['indirect', 'Tom Reed', 'name'],
        ['direct', 'Tom Reed', 'floating'],
        ['direct', 'Tom Reed', 'pronoun'],
      ]);
      expect(quotes[1]?.quote).toBe('“The water came up faster than anyone expected. We lost power in half the city.');
    });

    it('gives a floating quote the speaker of the quote before it', () => {
      expect(quotesOf(['“The bridge will reopen on Friday,” Mayor Tom Reed said.', '“We owe the crews a great deal for their work this week.”'])).toEqual([
        { quote: '“The bridge will reopen on Friday,”', kind: 'direct', speakers: [who('Tom Reed', 'Mayor')], attribution: 'name' },
        { quote: '“We owe the crews a great deal for their work this week.”', kind: 'direct', speakers: [who('Tom Reed', 'Mayor')], attribution: 'floating' },
      ]);
    });

    it('gives both halves of a split quote the same speaker', () => {
      const quotes = quotesOf([
        'Foreign Minister Andrii Sybiha met his Polish counterpart on Monday.',
        '“We are ready to talk,” Sybiha said, “but not at any price.”',
      ]);
      expect(quotes.map((q) => q.quote)).toEqual(['“We are ready to talk,”', '“but not at any price.”']);
      expect(quotes.map((q) => q.speakers[0]?.name)).toEqual(['Andrii Sybiha', 'Andrii Sybiha']);
    });

    it('leaves a floating quote with no earlier speaker without one', () => {
      const quotes = quotesOf(['“We owe the crews a great deal for their work this week.”']);
      expect(quotes.map((q) => [q.speakers, q.attribution])).toEqual([[[], 'none']]);
    });
  });

  describe('several speakers', () => {
    it('gives "X and Y said" both speakers', () => {
      expect(quotesOf(['Tom Reed and Jane Doe said the two parties would meet again in the spring.'])[0]?.speakers).toEqual([who('Tom Reed'), who('Jane Doe')]);
    });
  });

  describe('not quotations', () => {
    it.each([
      ['scare quotes', ['The report criticised the so-called “peace dividend” of the 1990s.']],
      ['a single-quoted brigade name', ["Soldiers of the 'Velykyi Luh' brigade held the line near the river."]],
      ['plain narrative', ['The council approved the budget on Thursday after a long debate.', 'There was no immediate comment from Moscow.']],
      [
        'a thing added, not words',
        [
          'This fall, the province added the drug group to its monitoring program, which tracks prescriptions.',
          'The budget officer added a premium for the expansion, given it has not yet been built.',
          'It is the only time the app will add value to your life.',
        ],
      ],
      [
        'a charge and a settlement, not words',
        ['The tweet drew a securities fraud charge from the commission and a subsequent settlement that included financial penalties for the company.'],
      ],
      ['a topic talked about, not words', ['The two sides talked about the budget for hours.', 'Talks between the two sides resumed on Monday.']],
      [
        'a thing written, or written off',
        [
          'Dana Ruiz, a former aide to Mayor Tom Reyes has written a book in which she describes his temper.',
          'The committee has written off the efforts of the rebels.',
        ],
      ],
      [
        'a thing someone wrote that holds no words of theirs: programs, a title, a cheque',
        [
          'Dana Ruiz wrote the programs that revealed the flaw in the model.',
          'In 1972, a conference organizer wrote his own title that switched the metaphor to a butterfly.',
          'The fund manager wrote a $500,000 cheque to a group supporting Tom Reyes.',
        ],
      ],
    ])('%s', (_label, paragraphs) => {
      expect(quotesOf(paragraphs)).toEqual([]);
    });

    it('a letter or an op-ed someone wrote carries their words', () => {
      expect(quotesOf(['Mayor Tom Reyes wrote a letter to the minister asking for help with the ferry.']).map((q) => [q.quote, q.speakers[0]?.name])).toEqual([
        ['a letter to the minister asking for help with the ferry', 'Tom Reyes'],
      ]);
    });

    it('"wrote" before a clause with its own subject still reports it', () => {
      expect(
        quotesOf(['Inspector General Steve Linick wrote the emails may have contained sensitive material.']).map((q) => [q.quote, q.speakers[0]?.name]),
      ).toEqual([['the emails may have contained sensitive material', 'Steve Linick']]);
    });

    it('a namesake named in full as the one who speaks, after the other was quoted, is who the surname means', () => {
      expect(
        spokenBy([
          'Her daughter, Sarah Gille, studied oceanography. “It was a revelation,” she said.',
          'In addition to the women in the lab, Ellen Gille recalls a woman on the machine next door.',
          'Gille recalls that only once did someone include her as a co-author.',
        ]),
      ).toEqual([
        ['“It was a revelation,”', 'Sarah Gille'],
        ['that only once did someone include her as a co-author', 'Ellen Gille'],
      ]);
    });

    it('"had written, “…”" is a quotation of its writer', () => {
      expect(spokenBy(['Edward Lorenz was a meteorologist. In the paper, Lorenz had written, “Special thanks are due to Ellen Fetter.”'])).toEqual([
        ['“Special thanks are due to Ellen Fetter.”', 'Edward Lorenz'],
      ]);
    });
  });

  describe('when and where', () => {
    it.each<[string, Said | null]>([
      ['“We will rebuild every home that was lost,” Jane Smith said in a statement on Telegram.', { when: null, where: 'in a statement on Telegram' }],
      ['“The country will not forget what happened here,” Mark Carney said in an interview with CBC.', { when: null, where: 'in an interview with CBC' }],
      ['“The attack was a war crime and must be punished,” Andrii Sybiha said on Sunday.', { when: 'on Sunday', where: null }],
      ['“We are not going anywhere,” Jane Smith said in a speech to supporters on Sunday.', { when: 'on Sunday', where: 'in a speech to supporters' }],
      ['Tom Reed told reporters on Thursday that the strike would end within days.', { when: 'on Thursday', where: 'to reporters' }],
      ['“We will not accept these terms,” Jane Smith said.', null],
      // The reported clause's own days and venues are what it is about, not when it was said.
      ['The premier said he was deeply concerned about comments the mayor made Wednesday.', null],
      ["The mayor's office said about 1,300 people attended the event, the latest in a series of sessions held across the country.", null],
      ['Tom Reed said on Thursday that the strike called last week would end within days.', { when: 'on Thursday', where: null }],
    ])('%s', (paragraph, said) => {
      expect(extractQuotations(articleOf([paragraph]))[0]?.said).toEqual(said);
    });

    it('gives a floating quote the when and where of the quote it continues', () => {
      const quotes = extractQuotations(
        articleOf([
          '“The bridge will reopen on Friday,” Mayor Tom Reed said at a news conference on Monday.',
          '“We owe the crews a great deal for their work.”',
        ]),
      );
      expect(quotes[1]?.said).toEqual(quotes[0]?.said);
      expect(quotes[1]?.said).toEqual({ when: 'on Monday', where: 'at a news conference' });
    });
  });

  describe('attribution kinds and certainty', () => {
    it.each<[string, string[], AttributionKind, boolean]>([
      ['name', ['“The economy is slowing faster than expected,” Ruth Baker warned.'], 'name', true],
      ['pronoun', ['Ruth Baker spoke in Ottawa.', '“The economy is slowing faster than expected,” she warned.'], 'pronoun', true],
      ['role', ['Health Minister Jane Smith visited the ward.', '“The nurses are working under enormous pressure,” the minister said.'], 'role', true],
      // More than the title: the one minister is found, and withheld ("the Florida senator" was another senator).
      [
        'role with more than the title',
        ['Health Minister Jane Smith visited the ward.', '“The nurses are working under enormous pressure,” the Czech minister said.'],
        'inferred',
        false,
      ],
      ['unnamed', ['“The talks were useful and we will meet again soon,” a senior official said.'], 'unnamed', true],
      ['organisation guessed from "the company"', ['“We are contacting every customer and will replace each battery,” the company said.'], 'unnamed', false],
      ['none', ['“We are contacting every customer and will replace each battery.”'], 'none', false],
    ])('%s', (_label, paragraphs, kind, certain) => {
      const quotes = extractQuotations(articleOf(paragraphs));
      const q = quotes[quotes.length - 1]!;
      expect(q.attribution).toBe(kind);
      expect(isCertain(q)).toBe(certain);
      expect(shownSpeakers(q)).toEqual(certain ? q.speakers : []);
    });

    it('records the mention and verb as written', () => {
      const [q] = extractQuotations(articleOf(['Ruth Baker spoke in Ottawa.', '“The economy is slowing faster than expected,” she warned.']));
      expect([q?.mention, q?.verb]).toEqual(['she', 'warned']);
    });

    it('numbers quotations in reading order with the article id', () => {
      const quotes = extractQuotations(
        articleOf(['“The bridge will reopen on Friday,” Mayor Tom Reed said.', 'Jane Doe said the repairs had cost far more than promised.'], 'local/bridge'),
      );
      expect(quotes.map((q) => [q.id, q.articleId, q.span.paragraph])).toEqual([
        ['local/bridge#1', 'local/bridge', 0],
        ['local/bridge#2', 'local/bridge', 1],
      ]);
    });
  });

  describe('organisations', () => {
    it('keeps a company its own name, not a longer name that is another body', () => {
      const quotes = quotesOf([
        'Facebook Research, an app that paid users, was shut down this week.',
        'Facebook said it was working closely with Apple to restore access.',
      ]);
      expect(quotes[0]?.speakers).toEqual([who('Facebook')]);
    });

    it('leaves a bare legal suffix off, but keeps a fuller name the story gives the company', () => {
      const quotes = quotesOf([
        'TransCanada Corp. plans a pipeline across the north.',
        'TransCanada said it had signed agreements with every council along the route.',
      ]);
      expect(quotes[0]?.speakers.map((s) => s.name)).toEqual(['TransCanada']);
      const fuller = quotesOf(['Samsung Electronics Co. makes phones.', 'Samsung said its profit fell in the fourth quarter.']);
      expect(fuller[0]?.speakers.map((s) => s.name)).toEqual(['Samsung Electronics Co']);
    });

    it('reads "the city" as the city the story names most', () => {
      const quotes = quotesOf([
        'The City of Surrey will build a new arena, and the City of Surrey says the old one will close.',
        'Langley City has no such plans.',
        'The old rink is slated to close next year, according to the city.',
      ]);
      expect(quotes.at(-1)?.speakers.map((s) => s.name)).toEqual(['City of Surrey']);
    });

    it('reads "the company" as the company the story is about, not a regulator named last', () => {
      const quotes = quotesOf([
        'Investors cheered when Rivian named two new directors. The board changes at Rivian follow a deal with the U.S. Securities and Exchange Commission, and shares in Rivian rose.',
        'In November the company announced that Jane Doe would chair the board.',
      ]);
      expect(quotes.at(-1)?.speakers.map((s) => s.name)).toEqual(['Rivian']);
    });

    it('reads "the union\'s release" as the union local the story named', () => {
      const quotes = quotesOf([
        'Workers voted to join UFCW Local 832 on Friday.',
        "The local will represent all cooks and servers, according to the union's Friday release.",
      ]);
      expect(quotes.at(-1)?.speakers.map((s) => s.name)).toEqual(['UFCW Local 832']);
    });

    it('reads "The parole board decision allowing his release said" as the board\'s words, not his', () => {
      const quotes = quotesOf([
        'The Parole Board of Canada reviewed the case of William Shrub.',
        'The parole board decision allowing his release said he was not considered a danger.',
      ]);
      expect(quotes.at(-1)?.speakers.map((s) => s.name)).toEqual(['Parole Board of Canada']);
    });

    it('reads "team members dressed for a game say" as an unnamed group, not the person named before', () => {
      const quotes = quotesOf([
        'Coach Stephen Gill said the video is the nicest thing anyone has done for him.',
        '“Help us help our coach,” team members dressed for a game say in unison in the video.',
      ]);
      expect(quotes.at(-1)?.speakers.map((s) => s.name)).toEqual(['team members dressed for a game']);
      expect(quotesOf(['Residents want a say in the plan, and the council agreed.'])).toEqual([]);
    });

    it.each<[string, string, string]>([
      ['A tweet last week said at 7:30 p.m., there were no units available in the city.', 'at 7:30 p.m., there were no units available in the city', 'A tweet'],
      [
        'All those involved say the issue is complex and cannot be fixed by one group.',
        'the issue is complex and cannot be fixed by one group',
        'All those involved',
      ],
      [
        'Rogers has been looking for a buyer, and sources familiar with the negotiations have said it was hoping to sign a deal.',
        'it was hoping to sign a deal',
        'sources familiar with the negotiations',
      ],
      ['“No, that’s the mom,” says my two-year-old.', '“No, that’s the mom,”', 'my two-year-old'],
      ['Jane Smith pointed out that the budget was balanced.', 'that the budget was balanced', 'Jane Smith'],
      ['As Jane Smith put it, “When they go low, we go high.”', '“When they go low, we go high.”', 'Jane Smith'],
      ['“We are done,” said the company founder Jane Smith.', '“We are done,”', 'Jane Smith'],
      ['“He is unfit,” the Democratic nominee said.', '“He is unfit,”', 'the Democratic nominee'],
      ['The complaint alleges the company hid the defect for years.', 'the company hid the defect for years', 'The complaint'],
      ['Ursula von der Leyen said the union would act.', 'the union would act', 'Ursula von der Leyen'],
      ['HARBOUR TODAY reported that the ferry would run late.', 'that the ferry would run late', 'HARBOUR TODAY'],
      ['Ann Cole says the plan will cost jobs in the U.S. The council votes in May.', 'the plan will cost jobs in the U.S.', 'Ann Cole'],
      ['Mohammed bin Salman said the kingdom would invest.', 'the kingdom would invest', 'Mohammed bin Salman'],
      ['Martin Luther King Jr. said the arc was long.', 'the arc was long', 'Martin Luther King Jr.'],
      ['The prime minister, Boris Johnson, said Britain would leave.', 'Britain would leave', 'Boris Johnson'],
      ['Tom Reed, for his part, said the union would appeal the ruling.', 'the union would appeal the ruling', 'Tom Reed'],
      [
        'Chrystia Freeland urged all Canadians considering travel to China to consult the travel advisory.',
        'all Canadians considering travel to China to consult the travel advisory',
        'Chrystia Freeland',
      ],
      ['The accused told police she was at home all night.', 'she was at home all night', 'The accused'],
      [
        'Most staff were not told, according to sources familiar with the situation who were not authorized to speak.',
        'Most staff were not told',
        'sources familiar with the situation',
      ],
      ['The letter seen by the newspaper said the plant would close in May.', 'the plant would close in May', 'The letter seen by the newspaper'],
      ['Researchers have for years been saying that governments need to act.', 'that governments need to act', 'Researchers'],
      ['The union has long argued that the plant is unsafe.', 'that the plant is unsafe', 'The union'],
      ['Jane Smith has been saying for months that the plan would fail.', 'that the plan would fail', 'Jane Smith'],
      ['Jane Smith said to reporters that the plan would fail.', 'that the plan would fail', 'Jane Smith'],
      ['But people arrested at the camp alleged that police used force.', 'that police used force', 'people arrested at the camp'],
      ['The reports, citing unnamed sources close to the matter, said the talks would resume.', 'the talks would resume', 'The reports'],
      ['Public health and environmental researchers say governments must act.', 'governments must act', 'Public health and environmental researchers'],
      ['Local and federal officials said the bridge would stay closed.', 'the bridge would stay closed', 'Local and federal officials'],
      ['A lawyer for the family said the family would appeal.', 'the family would appeal', 'A lawyer for the family'],
      [
        'Onyeka shook things up by deviating from the theme and talking about how she saved Colton “from drowning” on the first night.',
        'how she saved Colton “from drowning” on the first night',
        'Onyeka',
      ],
      ['Colton talked about being “super excited” about the group date.', 'being “super excited” about the group date', 'Colton'],
      [
        'The players’ lawyers are preparing a motion, and have alleged in court documents that the league ignored the risks.',
        'that the league ignored the risks',
        'The players’ lawyers',
      ],
      [
        'The two sides have agreed on a deal, according to a person familiar with the talks but unauthorized to speak publicly.',
        'The two sides have agreed on a deal',
        'a person familiar with the talks',
      ],
      [
        'The president is committed for the long haul, according to administration officials unauthorized to speak publicly and granted anonymity.',
        'The president is committed for the long haul',
        'administration officials unauthorized to speak publicly and granted anonymity',
      ],
      ['The two sides have agreed on a deal, according to senior officials.', 'The two sides have agreed on a deal', 'senior officials'],
      [
        'The publisher declined to renew the offer, according to a publishing executive familiar with the talks.',
        'The publisher declined to renew the offer',
        'a publishing executive familiar with the talks',
      ],
      [
        'The mayor aired her concerns during the meeting, according to a source on the call.',
        'The mayor aired her concerns during the meeting',
        'a source on the call',
      ],
      [
        'As the crowd began to chant, Cole was joined on stage by Mayor Bo Chan and joked, “You are all being ridiculous,” to loud cheers.',
        '“You are all being ridiculous,”',
        'Cole',
      ],
      [
        'The owner was not upset by the remarks, according to a person familiar with his views.',
        'The owner was not upset by the remarks',
        'a person familiar with his views',
      ],
      ['“The roof will hold,” said a builder in the crowd.', '“The roof will hold,”', 'a builder in the crowd'],
      [
        'On Tuesday, Donald Tusk, the president of the European Council, which represents EU leaders, urged the British government “to clarify its intentions as soon as possible.”',
        '“to clarify its intentions as soon as possible.”',
        'Donald Tusk',
      ],
      ['“Go home and stay safe tonight,” urged the mayor.', '“Go home and stay safe tonight,”', 'the mayor'],
      ['That would be Heather, who finally confessed that she had never been kissed.', 'that she had never been kissed', 'Heather'],
      ['The plan was backed by Jane Smith, who said it would save money.', 'it would save money', 'Jane Smith'],
      ['Jane Smith smiled and assured her the plan would work.', 'the plan would work', 'Jane Smith'],
      [
        'Workers rallied after General Motors announced it was closing the plant at the end of the year.',
        'it was closing the plant at the end of the year',
        'General Motors',
      ],
      ['Jane Smith stated the government is not done getting feedback on the plan.', 'the government is not done getting feedback on the plan', 'Jane Smith'],
      [
        'Jane Smith said Monday she was very concerned to see the council "acting arbitrarily" and that the city will appeal.',
        'she was very concerned to see the council "acting arbitrarily" and that the city will appeal',
        'Jane Smith',
      ],
      ['Jane Smith said Monday night in an interview with CBC that the plan would fail.', 'that the plan would fail', 'Jane Smith'],
      ['A statement released by the Premier’s Office said the two leaders spoke.', 'the two leaders spoke', 'Premier’s Office'],
    ])('finds the subject of: %s', (paragraph, quote, speaker) => {
      expect(quotesOf([paragraph]).map((q) => [q.quote, q.speakers[0]?.name])).toEqual([[quote, speaker]]);
    });

    it.each<[string, string[]]>([
      ['The bridge would reopen in March, according to the Department of Health and Human Services.', ['Department of Health and Human Services']],
      ['The bridge would reopen in March, according to the Centers for Disease Control and Prevention.', ['Centers for Disease Control and Prevention']],
      ['The Centers for Disease Control and Prevention said the bridge would reopen in March.', ['Centers for Disease Control and Prevention']],
      ['The bridge would reopen in March, said the Department of Fisheries and Oceans.', ['Department of Fisheries and Oceans']],
      ['The bridge would reopen in March, according to Ann Lee and Bo Chan.', ['Ann Lee', 'Bo Chan']],
      ['“The bridge will reopen in March,” said council leader Ann Lee and Mayor Bo Chan.', ['Ann Lee', 'Bo Chan']],
      // Two places, not two speakers: the chairs from them are.
      ['“We will not switch,” said the party chairs from Harbour and Ridgeway.', ['the party chairs from Harbour']],
    ])('"and" after the verb: %s', (paragraph, speakers) => {
      expect(quotesOf([paragraph])[0]?.speakers.map((s) => s.name)).toEqual(speakers);
    });

    it('ends a reported clause where someone else starts talking ("…, with a spokesperson describing …")', () => {
      const quotes = quotesOf(['Residents alleged that police used force, with a spokesperson for the camp describing the scene as "chaos all around."']);
      expect(quotes.map((q) => [q.quote, q.speakers[0]?.name])).toEqual([
        ['that police used force', 'Residents'],
        ['"chaos all around."', 'a spokesperson for the camp'],
      ]);
    });

    it('reads a programme title after "said on CBS’" as no quotation', () => {
      expect(quotesOf(['“If we blame each other, this could last a long, long time,” Jane Smith said on CBS’ “Face the Nation.”']).map((q) => q.quote)).toEqual(
        ['“If we blame each other, this could last a long, long time,”'],
      );
    });

    it.each([
      'I think the plan will fail.',
      'First, the reason I’m writing it infuriates me.',
      'I’d add a simple reason for the split: nobody remembers the war.',
      'We’re told that the plan will fail.',
    ])('leaves what the writer, as I or we, says or thinks to the writer, contracted or not: %s', (sentence) => {
      expect(quotesOf(['Tom Reed runs the council.', sentence])).toEqual([]);
    });

    it('leaves a new clause after "…, he says," to the writer ("and he was upset by …")', () => {
      const quotes = quotesOf([
        'Tom Reed runs the council.',
        'City requests to the province are often rebuffed, he says, and he was upset by the provincial incursion onto city turf.',
      ]);
      expect(quotes.map((q) => q.quote)).toEqual(['City requests to the province are often rebuffed']);
    });

    it('never takes what the speaker went on to say for a role ("says X, noting that …")', () => {
      expect(quotesOf(['“We are done here,” says Jane Smith, noting that the plan would fail.']).map((q) => [q.quote, q.speakers])).toEqual([
        ['“We are done here,”', [who('Jane Smith')]],
        ['that the plan would fail', [who('Jane Smith')]],
      ]);
    });

    it('never takes the rest of the sentence after an inverted aside for a role ("…, says X, in part because …")', () => {
      expect(quotesOf(['The plan is sound, says Jane Smith, in part because it is cheap.']).map((q) => [q.quote, q.speakers])).toEqual([
        ['The plan is sound', [who('Jane Smith')]],
        ['in part because it is cheap', [who('Jane Smith')]],
      ]);
    });

    it('reads "A release … from X late Friday said" as the sender\'s words, with the day left out', () => {
      const quotes = quotesOf(['A release sent to media from UFCW Local 832 late Friday said most workers at the store voted to join the union.']);
      expect(quotes.map((q) => [q.quote, q.speakers.map((s) => s.name), q.attribution])).toEqual([
        ['most workers at the store voted to join the union', ['UFCW Local 832'], 'document'],
      ]);
    });

    it('reads "the commission" and "the committee" as speakers, and the body the story named', () => {
      const quotes = quotesOf([
        'The U.S. Securities and Exchange Commission settled with the company in September.',
        'The commission said it would act soon. The committee said it agreed with the plan.',
      ]);
      expect(quotes.map((q) => q.speakers[0]?.name)).toEqual(['U.S. Securities and Exchange Commission', 'The committee']);
    });

    it('reads "The RNC said" as the body the story spells out', () => {
      const quotes = quotesOf([
        'Reince Priebus, chairman of the Republican National Committee, spoke on Monday.',
        'The RNC said it would stand by the nominee.',
      ]);
      expect(quotes.at(-1)?.speakers.map((s) => s.name)).toEqual(['Republican National Committee']);
    });

    it('reads "the diocese" as the diocese the story named, even when its name starts like a first name', () => {
      const quotes = quotesOf([
        'On Saturday, the Roman Catholic Diocese of Covington condemned the students’ actions.',
        'Parents gathered outside the school on Tuesday.',
        'The diocese issued a second statement on Tuesday, saying a review will look into the matter.',
      ]);
      expect(quotes.at(-1)?.speakers.map((s) => s.name)).toEqual(['Roman Catholic Diocese of Covington']);
      // One named body behind "the diocese": found, but withheld (org-by-head was right 4 of 6
      // times on ggt-dev); the answer shows the story's words.
      const q = extractQuotations(
        articleOf([
          'On Saturday, the Roman Catholic Diocese of Covington condemned the students’ actions.',
          'The diocese issued a second statement on Tuesday, saying a review will look into the matter.',
        ]),
      ).at(-1)!;
      expect(isCertain(q)).toBe(false);
      expect(storyWords(q)).toBe('The diocese');
      const named = extractQuotations(articleOf(['Facebook said it was working closely with Apple.'])).at(-1)!;
      expect(storyWords(named)).toBeUndefined();
    });

    it('keeps "and" inside an organisation\'s name', () => {
      const quotes = quotesOf(['The Securities and Exchange Commission said the settlement protects investors.']);
      expect(quotes[0]?.speakers.map((s) => s.name)).toEqual(['Securities and Exchange Commission']);
      expect(isCertain(extractQuotations(articleOf(['The Securities and Exchange Commission said the settlement protects investors.']))[0]!)).toBe(true);
    });
  });

  describe('organisations named in the sentence', () => {
    it('keeps "The Canadian Beverage Association" itself, not another organisation quoted before', () => {
      const quotes = quotesOf([
        'Ottawa’s Bariatric Medical Institute said juice is sugar.',
        'The Canadian Beverage Association said that fruit juice is a source of important vitamins.',
      ]);
      expect(quotes.at(-1)?.speakers.map((s) => s.name)).toEqual(['Canadian Beverage Association']);
      expect(quotes.at(-1)?.attribution).toBe('org');
    });

    it('drops an adverb and what follows from the subject', () => {
      const quotes = quotesOf(['Civic Action also said companies should move to skills-based hiring.']);
      expect(quotes[0]?.speakers.map((s) => s.name)).toEqual(['Civic Action']);
    });

    it('reads "the union’s Friday release" as the union the story named', () => {
      const quotes = quotesOf([
        'Workers at the diner voted on Thursday to join the Prairie Workers Union.',
        'The new local will represent all servers and cooks at both locations, according to the union’s Friday release.',
      ]);
      expect(quotes.at(-1)?.speakers.map((s) => s.name)).toEqual(['Prairie Workers Union']);
    });
  });

  describe('organisation names and group phrases', () => {
    it('keeps "Procter & Gamble" whole for "the company"', () => {
      const quotes = quotesOf([
        'Procter & Gamble raised its forecast on Tuesday.',
        'The company said its annual profit could be slightly stronger than it expected.',
      ]);
      expect(quotes.at(-1)?.speakers.map((s) => s.name)).toEqual(['Procter & Gamble']);
    });

    it('reads "the team" as the club the paragraph before is about', () => {
      const quotes = quotesOf([
        'The Toronto Raptors acquired Marc Gasol from the Grizzlies on Thursday.',
        'The team said in a tweet that Gasol would join them for Saturday’s game in Toronto.',
      ]);
      expect(quotes.at(-1)?.speakers.map((s) => s.name)).toEqual(['the Toronto Raptors']);
      expect(quotes.at(-1)?.attribution).toBe('organisation');
    });

    it('does not read "the union" as a company quoted before', () => {
      const quotes = quotesOf(['Procter & Gamble said its profit would rise this year.', 'The union said its members had not been told about the plan.']);
      expect(quotes.at(-1)?.speakers.map((s) => s.name)).toEqual(['The union']);
    });

    it.each<[string, string, string]>([
      ['"one of the players"', '“Stephen really needs a kidney. If he doesn’t find one he might not coach,” one of the players said.', 'one of the players'],
      [
        '"a majority of the workers"',
        'A majority of the 68 workers at the location said they would join the union.',
        'A majority of the 68 workers at the location',
      ],
      ['a bare plural after a verb', 'Nathan Phillips said he heard students shout, “Build that wall!” and more.', 'students'],
    ])('finds the whole group phrase: %s', (_label, paragraph, speaker) => {
      expect(quotesOf([paragraph])[0]?.speakers.map((s) => s.name)).toEqual([speaker]);
    });
  });

  describe('"it" and "they" for organisations and groups', () => {
    it.each([
      [
        'the government in the same sentence',
        ['It costs the province money at a time when the government is grappling with what it says is a $14.5 billion deficit.'],
        'the government',
      ],
      [
        'a named board in the paragraph before',
        ['The Parole Board of Canada released him.', 'It also said he had behaved well and had completed programs to reduce his violence.'],
        'Parole Board of Canada',
      ],
      ['a plural group', ['As news of the allegations began to surface, members complained about what they said was a lack of transparency.'], 'members'],
      [
        'a party by its possessive',
        ['Key to the Liberals’ hopes is their assurance that it won’t cost families. Almost all revenues, they promise, will be returned to families.'],
        'the Liberals',
      ],
    ])('%s', (_label, paragraphs, speaker) => {
      const q = extractQuotations(articleOf(paragraphs)).at(-1);
      expect(q?.speakers.map((s) => s.name)).toEqual([speaker]);
      // Found, but an inference ("it", "they") is withheld: pronoun-group-* measured below 98%.
      expect(q?.attribution).toBe('inferred');
      expect(q && isCertain(q)).toBe(false);
    });

    it('finds no group for "it" when the story names none', () => {
      expect(quotesOf(['It said the results were better than expected in every region.'])[0]?.speakers).toEqual([]);
    });
  });

  describe('regressions', () => {
    // Regression (was a crash): a role head looked up in an object literal, so "The constructor
    // said" in a story with a role threw "heads.includes is not a function".
    it('never crashes on a head word that names an object property ("constructor", "toString")', () => {
      for (const word of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
        expect(() => quotesOf(['Jane Smith, a spokeswoman for the city, spoke on Monday.', `The ${word} said the building would open in May.`])).not.toThrow();
      }
    });

    // Regression (was a bug): an amount after "added", a relative clause inside a subject and a
    // clause after "alleged" each gave a quotation with a made-up speaker.
    it('reads a topic or a pronoun object after the verb as no reported words, but keeps "said about 550 …"', () => {
      const quotes = quotesOf([
        'Later, Colton Underwood told an audience about the first time he went on a date.',
        'Hannah Brown worried that Caelynn Hayes would say something to him that would hurt her.',
        'Marie Howell said about 550 students attend the school.',
      ]);
      expect(quotes.map((q) => q.quote)).toEqual(['about 550 students attend the school']);
    });

    it('never takes "A senior" for the role of a name that modifies another noun ("A senior Clinton aide")', () => {
      const quotes = quotesOf([
        'In an interview with NBC, Clinton said she regretted the remark.',
        'Both Trump and Clinton said the debate was important.',
        'A senior Clinton aide, speaking on condition of anonymity, said the campaign was confident.',
      ]);
      expect(quotes.flatMap((q) => q.speakers.map((s) => s.role))).toEqual([null, null, null, null]);
    });

    it('reads "added 0.5 per cent" as an amount, not words', () => {
      expect(quotesOf(['Brent crude added 30 cents to $61.95 per barrel. It had added 0.5 per cent to close at $61.54 per barrel in London.'])).toEqual([]);
    });

    it.each([
      ['The notice mirrored Canada’s revision of its own travel advisory Monday that warned of the “risk of arbitrary enforcement of local laws” in China.'],
      [
        'The firestorm was started by a report in The Globe and Mail on Thursday that, citing confidential sources, alleged the Prime Minister’s Office leaned on then Attorney General Jody Wilson-Raybould to negotiate.',
      ],
    ])('finds no speaker in: %s', (paragraph) => {
      expect(quotesOf([paragraph]).flatMap((q) => q.speakers.map((x) => x.name))).toEqual([]);
    });

    // Regression (was a bug): a verb read as a subject became the speaker ("resist" for "… but resist
    // announcing a merger").
    it('never takes a phrase that names no one for a speaker', () => {
      const quotes = quotesOf([
        'Dana Price runs the firm.',
        'In short, she gets to keep her little jokes (“Cats rule, dogs drool”) but resist announcing a merger with the rivals when terms have not been set.',
        'Board weakness was plainly on display in March when Price again took to the radio with this: “Sell everything. Will retire that title in a year.”',
      ]);
      const named = quotes.flatMap((q) => q.speakers.map((x) => x.name));
      expect(named).not.toContain('resist');
      expect(named).not.toContain('Board weakness');
    });

    // Regression (was a bug): a quoted title of a work (AP style: film, book and song titles in quotation marks) with no
    // reporting verb becomes a speakerless direct quotation.
    it('does not read a quoted title as a quotation', () => {
      expect(quotesOf(['The film “A Day in the Life of a Nurse” opened in cinemas across the country on Friday.'])).toEqual([]);
    });

    // Regression (was a bug): a capitalised qualifier before the title word is dropped: "Foreign Minister Andrii Sybiha"
    // gets the role "Minister" ("Defence Minister", "Health Minister" and "Interior Minister" are kept).
    it.each([
      ['Foreign Minister Andrii Sybiha said the attack targeted civilians in the city centre.', who('Andrii Sybiha', 'Foreign Minister')],
      ['Finance Minister Sarah Cole said the budget would be balanced within three years.', who('Sarah Cole', 'Finance Minister')],
      ['Council member Daniel Okafor said the repairs had cost far more than promised.', who('Daniel Okafor', 'Council member')],
      ['Chief economist Ruth Baker said the bank should wait for the spring figures.', who('Ruth Baker', 'Chief economist')],
    ])('keeps the whole title: %s', (paragraph, speaker) => {
      expect(extractQuotations(articleOf([paragraph]))[0]?.speakers).toEqual([speaker]);
    });

    // Regression (was a bug): "Hugh Hill, a doctor at …, said" is attributed as 'unnamed' (the name is not taken for a
    // person), so answers withhold a speaker the story names in full. "Peter Lang" in the same sentence is 'name'.
    it('attributes a full name with an appositive role as a name', () => {
      const [q] = extractQuotations(articleOf(['Hugh Hill, a doctor at the city hospital, said the wards were full every night.']));
      expect(q?.speakers).toEqual([who('Hugh Hill', 'doctor at the city hospital')]);
      expect(q?.attribution).toBe('name');
      expect(isCertain(q!)).toBe(true);
    });

    // Regression (was a bug): with "X welcomed … but said …" the speaker runs up to the second verb: "Consumer groups welcomed the".
    it('stops the subject of coordinated verbs at the first verb', () => {
      const [q] = extractQuotations(articleOf(['Consumer groups welcomed the recall but said it came too late for several families.']));
      expect(q?.speakers).toEqual([who('Consumer groups')]);
    });

    // Regression (was a bug): "says Golden, who had another son die in a fire" gives the relative clause as her role.
    it('takes no relative clause for a role', () => {
      const [q] = extractQuotations(articleOf(['“I can’t lose another son,” says Wendy Golden, who had another son die in a 2009 house fire.']));
      expect(q?.speakers).toEqual([who('Wendy Golden')]);
    });

    // Regression (was a bug): "Andrew Scheer’s Conservatives" ran on into one name, so "Mr. Scheer said" later found no
    // full name and was read as an organisation called "Scheer".
    it('completes "Mr. X" from a name the story gave with a possessive', () => {
      const [q] = extractQuotations(
        articleOf(['If Andrew Scheer’s Conservatives win, the tax goes.', 'Mr. Scheer said his plan would be comprehensive and fair.']),
      );
      expect(q?.speakers).toEqual([who('Andrew Scheer')]);
      expect(q?.attribution).toBe('name');
    });

    // Regression (was a bug): "Canada believes" was completed to "Statistics Canada" like a surname.
    it('does not complete a place into a longer organisation name', () => {
      const quotes = extractQuotations(articleOf(['Statistics Canada figures show more visitors.', 'Canada said the death penalty was wrong in every case.']));
      expect(quotes.at(-1)?.speakers.map((s) => s.name)).toEqual(['Canada']);
    });

    // Regression (was a bug): "lawyers for Major called witness Malcolm Gibson" gave the role "Major called witness"
    // (a rank word, then a verb); and "the Crown" then matched "Crown prosecutor" by a qualifier, not its head.
    it('takes a role only from the role words that run up to the name', () => {
      const [q] = extractQuotations(
        articleOf(['Lawyers for Major called witness Malcolm Gibson, a retired police officer.', 'Gibson said the sign was clear from 2,300 feet.']),
      );
      expect(q?.speakers).toEqual([who('Malcolm Gibson', 'witness')]);
    });

    it('reads "the mayor" as the person the story calls "Mayor X" elsewhere', () => {
      const quotes = extractQuotations(
        articleOf([
          'Candidate Doug McCallum won the race in October.',
          'Critics say Mayor McCallum has overstated the debt.',
          'The mayor said the enrolment of young people in ice sports was dropping.',
        ]),
      );
      expect(quotes.at(-1)?.speakers.map((s) => s.name)).toEqual(['Doug McCallum']);
      expect(quotes.at(-1)?.attribution).toBe('role');
    });

    it('reads a description as the first person of the sentence the story was just talking about', () => {
      const quotes = extractQuotations(
        articleOf([
          'I’m talking about Alfonso Espinos, who like Ricardo Montalban was born in Mexico. “We dedicate ourselves solely to local creators,” says the 39-year-old founder of the press.',
        ]),
      );
      expect(quotes[0]?.speakers.map((s) => s.name)).toEqual(['Alfonso Espinos']);
      // The sentence just before names Espinos first: found, but withheld (described-after-name
      // was right 16 times of 41 read on polnear-dev).
      expect(quotes[0]?.attribution).toBe('inferred');
    });

    it.each([
      [
        'an office no one in the story holds',
        ['Robert Shaw was sentenced to death in January.', '“It is important to remember the rule of law,” the minister said.'],
        'the minister',
        true,
      ],
      [
        'an anonymous source',
        [
          'Nik Stauskas was traded on Thursday, to a team in the east.',
          'The deal was done to get under the tax line, said the person, who spoke on condition of anonymity.',
        ],
        'the person',
        false,
      ],
      [
        'whoever acts for the person',
        ['Jody Wilson-Raybould resigned on Tuesday.', '“The minister will not be commenting today,” her office said.'],
        'her office',
        true,
      ],
    ])('never reads %s as the person named last (an office is stated in the story’s words)', (_label, paragraphs, mention, stated) => {
      const q = extractQuotations(articleOf(paragraphs)).at(-1)!;
      expect(q.speakers.map((s) => s.name)).toEqual([mention]);
      expect(isCertain(q)).toBe(stated);
    });

    it('reads an indefinite role as someone new, or as the one the story names later, never one named before', () => {
      const before = extractQuotations(
        articleOf([
          'Three rail workers, engineer Andrew Dock and conductor Dylan Parr, were killed.',
          'But a veteran Boston-based engineer said 112 cars is large for a train of grain hoppers.',
        ]),
      ).at(-1)!;
      expect(before.speakers.map((s) => s.name)).toEqual(['a veteran Boston-based engineer']);
      const lede = extractQuotations(
        articleOf(['A Vancouver hockey coach says he is amazed by the response to a video.', 'Coach Stephen Gill needs a kidney, his players say.']),
      ).at(0)!;
      expect(lede.speakers.map((s) => s.name)).toEqual(['Stephen Gill']);
    });

    it('knows a short form of a first name with the same surname ("Xander Wise" is Alexander Wise)', () => {
      const quotes = extractQuotations(
        articleOf([
          'Alexander Wise and Andre Campbell both publish with the store.',
          '“Now I have tons,” says Campbell. There is a real satisfaction in finishing, insists 16-year-old Xander Wise. “It’s months and months of fixing mistakes,” says the self-taught Cambridge resident.',
        ]),
      );
      expect(quotes.at(-1)?.speakers.map((s) => s.name)).toEqual(['Alexander Wise']);
    });

    it('reads the short form in an inverted aside too ("…, insists 16-year-old Xander Wise, in …")', () => {
      const quotes = quotesOf([
        'Alexander Wise and Andre Campbell both publish with the store.',
        'There is a particular satisfaction, insists 16-year-old Xander Wise, in seeing your work finished on the shelf.',
      ]);
      expect(quotes.map((q) => [q.quote, q.speakers.map((s) => s.name)])).toEqual([
        ['There is a particular satisfaction', ['Alexander Wise']],
        ['in seeing your work finished on the shelf', ['Alexander Wise']],
      ]);
    });

    it('reads "“…” was the response of X" and "“…,” came the reply from X" as X\'s words', () => {
      expect(
        quotesOf(['Tesla posted a video. “The best sleigh this Christmas!” was the response of one jolly viewer.']).map((q) => [q.quote, q.speakers[0]?.name]),
      ).toEqual([['“The best sleigh this Christmas!”', 'one jolly viewer']]);
      expect(quotesOf(['“Not a chance,” came the reply from Jane Smith.']).map((q) => [q.quote, q.speakers[0]?.name])).toEqual([
        ['“Not a chance,”', 'Jane Smith'],
      ]);
    });

    it('continues the speaker when their words finish a sentence the writer began ("The Prime Minister “could get …”")', () => {
      const quotes = quotesOf([
        'Tim Bale, a politics professor, said Ms. May will try once more. The Prime Minister “could get a deal if she is prepared to soften Brexit and get Labour on board.”',
        'The report was released on Monday. The government “will not accept any of the findings of this deeply flawed and partisan report.”',
      ]);
      expect(quotes.map((q) => [q.quote.slice(0, 20), q.speakers[0]?.name])).toEqual([
        ['Ms. May will try onc', 'Tim Bale'],
        ['“could get a deal if', 'Tim Bale'],
        ['“will not accept any', undefined],
      ]);
    });

    it('learns a person\'s gender from the first pronoun after their name, so "he" is not her', () => {
      const quotes = extractQuotations(
        articleOf(['Morgan McNeely was diagnosed at 24.', 'McNeely was afraid to let her guard down. But he told her, "I see you beyond cancer."']),
      );
      expect(quotes.map((q) => [q.quote, q.speakers])).toEqual([['"I see you beyond cancer."', []]]);
    });

    it("takes no gender from the next paragraph's pronoun once that paragraph names someone else first", () => {
      // "Zorbeta" is in no list of first names: her gender comes from the story, and the "he" after
      // the credit line is Orrel's, named first in that paragraph.
      const quotes = quotesOf([
        'Zorbeta Quill has studied grief for years. She has lived through loss herself.',
        'There is beauty in the human spirit. Zorbeta Quill',
        'One night, Tavin Orrel could not sleep, and he was afraid.',
        'Quill stayed with him and held his hand.',
        'Quill says she still thinks of those nights. He had never been in love, according to Quill. "I love you too," he said one night.',
      ]);
      expect(quotes.map((q) => [q.quote.slice(0, 20), q.speakers[0]?.name])).toEqual([
        ['she still thinks of ', 'Zorbeta Quill'],
        ['He had never been in', 'Zorbeta Quill'],
        ['"I love you too,"', 'Tavin Orrel'],
      ]);
    });

    it('leaves the listener out of the quote ("told her, “…”", "told reporters, “…”")', () => {
      expect(quotesOf(['Jane Smith told reporters, “We will be back next year.”']).map((q) => q.quote)).toEqual(['“We will be back next year.”']);
    });

    it('never takes a department whose first word is a plural ("Veterans Affairs") for a person', () => {
      const quotes = extractQuotations(
        articleOf(['Veterans Affairs said the lines are reviewed every day.', 'Later, she said the review had found nothing wrong.']),
      );
      expect(quotes.map((q) => [q.speakers.map((s) => s.name), q.attribution])).toEqual([
        [['Veterans Affairs'], 'org'],
        [[], 'none'],
      ]);
    });

    it('reads a colon after a clause as its subject\'s words ("… when Musk again took to Twitter with this: “…”")', () => {
      const quotes = quotesOf([
        'Elon Musk runs the carmaker.',
        'Governance lassitude was on display in December when Musk again took to Twitter with this: “Chairman is an honorific, not an executive role.”',
      ]);
      expect(quotes.map((q) => [q.quote, q.speakers.map((s) => s.name)])).toEqual([['“Chairman is an honorific, not an executive role.”', ['Elon Musk']]]);
    });

    it('reads a quote in parentheses after someone\'s words as theirs ("her personal riffs (“…”)", "the Larry Ellison appraisal of Musk (“…”)")', () => {
      expect(
        quotesOf(['Jane Smith runs the firm. She gets to keep her personal riffs (“Anxiety is a scalar, fear is a vector”) but not her deals.']).map((q) => [
          q.quote,
          q.speakers[0]?.name,
        ]),
      ).toEqual([['“Anxiety is a scalar, fear is a vector”', 'Jane Smith']]);
      expect(
        quotesOf(['I tilt toward the Larry Ellison appraisal of Elon Musk (“This guy is landing rockets, who else is?”) and away from the naysayers.']).map(
          (q) => [q.quote, q.speakers[0]?.name],
        ),
      ).toEqual([['“This guy is landing rockets, who else is?”', 'Larry Ellison']]);
      expect(quotesOf(['The school has a proud motto (“A spirit that will not die”).']).map((q) => q.speakers)).toEqual([[]]);
      expect(
        quotesOf(['Covington Catholic High School was known mostly for its seven state titles and its rousing motto, “A spirit that will not die.”']).map(
          (q) => q.speakers[0]?.name,
        ),
      ).toEqual(['Covington Catholic High School']);
    });

    it('reads someone\'s words after a colon without marks ("Her message now is simple: …") and lets the next quote continue them', () => {
      const quotes = quotesOf([
        'Wendy Golden lost her son to an overdose.',
        "Her message now is simple: don't share or sell prescriptions.",
        '"You don\'t know what that person took earlier. The combination can be lethal."',
      ]);
      expect(quotes.map((q) => [q.quote.slice(0, 24), q.speakers[0]?.name])).toEqual([
        ["don't share or sell pres", 'Wendy Golden'],
        ['"You don\'t know what tha', 'Wendy Golden'],
      ]);
      expect(quotesOf(['The message was clear: the plan had failed.'])).toEqual([]);
    });

    it('links a description to the person just quoted, as a guess, and any other description too', () => {
      const same = extractQuotations(
        articleOf([
          '“Every publisher rejected me,” says Cambridge cartoonist Andre Campbell.',
          '“In my experience, there are few disabled characters in comics,” says the bow-tied maverick, noting that his disability does not define him.',
        ]),
      );
      // Found, and withheld: description-continues was right about 11 times of 15 read on polnear-dev ("the heckler").
      expect(same.slice(1).map((q) => [q.speakers.map((s) => s.name), q.attribution, isCertain(q)])).toEqual([
        [['Andre Campbell'], 'inferred', false],
        [['Andre Campbell'], 'inferred', false],
      ]);
      const other = extractQuotations(
        articleOf([
          'Alfonso Espinos runs the store with Andre Campbell.',
          '“Most places will not print fewer than 1,000 copies,” says Campbell’s partner, Jason Louth. The minimum here is … “One copy is enough for us!” says the affable proprietor.',
        ]),
      ).at(-1)!;
      expect(isCertain(other)).toBe(false);
    });

    it('takes a one-word name mid-sentence that does something, and that the story then calls "he", for a person', () => {
      const quotes = quotesOf(['When asked what is more nerve-wracking, the mound or the ropes, Mulder didn’t hesitate.', '“It’s this for sure,” he said.']);
      expect(quotes.map((q) => q.speakers[0]?.name)).toEqual(['Mulder']);
      // A first name of someone named in full is not a second person.
      const kody = quotesOf([
        'Wendy Golden lost her son Kody Cook in 2014.',
        'The night it happened, Kody was asleep on her couch, she says.',
        '“I thought he was asleep,” she said.',
      ]);
      expect(kody.map((q) => q.speakers[0]?.name)).toEqual(['Wendy Golden', 'Wendy Golden']);
    });

    it('reads "went on to say", "continued to argue", "was quick to note" as the subject\'s report, but not "declined to say"', () => {
      const quotes = quotesOf([
        'Filmmaker Michael Moore spoke in Ohio.',
        'He went on to say, “Legally, you have a right to vote. You can go in there and vote.”',
        'Moore continued to argue that the system was broken.',
        'Democrats are quick to note that Republican groups have spent far more.',
        'Moore declined to say whether he would vote.',
      ]);
      expect(quotes.map((q) => [q.speakers[0]?.name, q.quote.slice(0, 12)])).toEqual([
        ['Michael Moore', '“Legally, yo'],
        ['Michael Moore', 'that the sys'],
        ['Democrats', 'that Republi'],
      ]);
    });

    it('takes no name used as a modifier ("any Trump supporter Moore said") for the subject "he" refers back to', () => {
      const quotes = quotesOf([
        'Filmmaker Michael Moore spoke about Donald Trump in Ohio.',
        'When asked if this included any Trump supporter Moore said he would not judge them.',
        'He went on to say, “Legally, you have a right to vote. You can go in there and vote.”',
      ]);
      expect(quotes.map((q) => q.speakers[0]?.name)).toEqual(['Michael Moore', 'Michael Moore']);
    });

    it('gives whole spoken sentences that finish a sentence opened by "She" to her ("She rhymed off a list … for “…”")', () => {
      const quotes = extractQuotations(
        articleOf([
          'Foreign Affairs Minister Chrystia Freeland spoke on Monday.',
          'She rhymed off a list of countries for "publicly coming out and speaking against these detentions. And that is very important."',
        ]),
      );
      expect(quotes.map((q) => [q.speakers[0]?.name, isCertain(q)])).toEqual([['Chrystia Freeland', true]]);
      // A fragment is no speech of hers.
      expect(
        quotesOf(['Chrystia Freeland spoke on Monday.', 'She read the sign that called the plan "a betrayal of every family in the country"']).map(
          (q) => q.speakers[0]?.name ?? null,
        ),
      ).not.toContain('Chrystia Freeland');
    });

    it('reads "X, the ferocious brawler who calls herself “…”" as X\'s words, but not a relative clause before the main verb', () => {
      const quotes = quotesOf(['A crowd watched another win by Amanda Nunes, the ferocious brawler who calls herself "The Lioness."']);
      expect(quotes.map((q) => [q.quote, q.speakers[0]?.name])).toEqual([['"The Lioness."', 'Amanda Nunes']]);
      const main = quotesOf([
        'Tatiana Stanovaya, an independent political expert who writes extensively about the Kremlin, noted that Putin sees any concession as weakness.',
      ]);
      expect(main.map((q) => [q.quote, q.speakers[0]?.name])).toEqual([['that Putin sees any concession as weakness', 'Tatiana Stanovaya']]);
    });

    it('finds the speaker of a participle past a short place ("a video of Colton in bed talking about …")', () => {
      const quotes = quotesOf(['We have a video of a tousled Colton in bed talking about being “super excited” about the group date.']);
      expect(quotes.map((q) => [q.quote, q.speakers[0]?.name])).toEqual([['being “super excited” about the group date', 'Colton']]);
    });

    it("reads an embedded tweet as its author's words, on its date, and keeps the reports inside it", () => {
      const quotes = extractQuotations(
        articleOf([
          'The union represents paramedics.',
          'Calls to 9-1-1 have increased each year. Ambulances are supposed to arrive in nine minutes but the paramedics union says they are too often late. pic.twitter.com/HRlO8uT0x0 — Alicia Draus (@Alicia_Draus) January 15, 2019',
        ]),
      );
      expect(quotes.map((q) => [q.quote.slice(0, 24), q.speakers[0]?.name, q.verb])).toEqual([
        ['Calls to 9-1-1 have incr', 'Alicia Draus', 'tweeted'],
        ['they are too often late', 'the paramedics union', 'says'],
      ]);
      expect(quotes[0]?.said).toEqual({ when: 'on January 15, 2019', where: 'on Twitter' });
      // A dash and a name without a handle and date is no tweet.
      expect(quotesOf(['Calls have increased each year and the system is overburdened — Alicia Draus']).length).toBe(0);
    });

    it('reads no report in a thought inside a relative clause ("relationships she thought she could count on"), but keeps speech there', () => {
      expect(quotesOf(['After her diagnosis, Morgan McNeely lost a few relationships she thought she could count on.'])).toEqual([]);
      const speech = quotesOf(['Karen Wang read a poem she said was written by a Chinese poet in exile.']);
      expect(speech.map((q) => [q.quote, q.speakers[0]?.name])).toEqual([['was written by a Chinese poet in exile', 'Karen Wang']]);
    });

    it('reads no report in a passive "had been diagnosed … and told he had three months", and a possessive listener is no part of the words', () => {
      expect(
        quotesOf(['Randy Cable, then 29, had been diagnosed with colon cancer and told he had three months to live — that day, the clock had run out.']),
      ).toEqual([]);
      const active = quotesOf(['Randy Cable had been diagnosed with cancer and told his mother he had three months to live.']);
      expect(active.map((q) => [q.quote, q.speakers[0]?.name])).toEqual([['he had three months to live', 'Randy Cable']]);
    });

    it('states a party by the name the story gives it ("The Conservatives"), and ends a report at "; they say"', () => {
      const quotes = extractQuotations(
        articleOf(['The Conservatives believe they will be able to cast it as a tax grab; they say their research shows voters care more about costs.']),
      );
      expect(quotes.map((q) => [q.quote, q.speakers[0]?.name, isCertain(q)])).toEqual([
        ['they will be able to cast it as a tax grab', 'The Conservatives', true],
        // "they say" is found to be the party, and withheld like every "they" (certainty.ts).
        ['their research shows voters care more about costs', 'The Conservatives', false],
      ]);
    });

    it('reads a subject and any verb after a quote that ends in a comma as its speech tag ("“…,” they sign off as a group", "“…,” Clinton said to cheers")', () => {
      const quotes = quotesOf([
        'Hillary Clinton spoke in Detroit.',
        '“I’m so happy to be back in Michigan,” Clinton said to cheers from some 4,000 supporters.',
        '“We will win this state,” she shrugged.',
        'Another player says he knows this is a lot to ask.',
        '“Please help us help our coach,” they sign off as a group.',
      ]);
      expect(quotes.map((q) => [q.quote.slice(0, 16), q.speakers[0]?.name ?? null])).toEqual([
        ['“I’m so happy to', 'Hillary Clinton'],
        ['“We will win thi', 'Hillary Clinton'],
        ['he knows this is', 'Another player'],
        ['“Please help us ', null],
      ]);
    });

    it('reads "said to the group, “…”" and "said to reporters the race was close" as reports, but not "is said to be"', () => {
      const quotes = quotesOf([
        'Derek Kukura runs the bar.',
        'Kukura said to the group, "So, I am just curious what you all think of the race."',
        'He is said to be furious about the result.',
        'Kukura said to reporters the race was close.',
        'The company, said to be worth billions, declined to comment.',
      ]);
      expect(quotes.map((q) => [q.quote, q.speakers[0]?.name])).toEqual([
        ['"So, I am just curious what you all think of the race."', 'Derek Kukura'],
        ['the race was close', 'Derek Kukura'],
      ]);
    });

    it('keeps both the source\'s account and the words it relays ("according to Gibson, Major said …")', () => {
      const quotes = quotesOf([
        'Malcolm Gibson, a collision expert, testified on Monday. Robert Major drove the truck.',
        'At 2,300 feet, according to Gibson, Major said he was able to see the stop sign.',
      ]);
      expect(quotes.map((q) => [q.quote, q.speakers[0]?.name])).toEqual([
        ['At 2,300 feet', 'Malcolm Gibson'],
        ['Major said he was able to see the stop sign', 'Malcolm Gibson'],
        ['he was able to see the stop sign', 'Robert Major'],
      ]);
      // Records are a source too, and a person described keeps the words the record relays; so
      // does a named person after the verb ("…, according to press reports").
      const records = quotesOf([
        'The suspect told officers he had been drinking, according to court documents.',
        'Councillor Ann Lee said she would have voted against the plan, according to press reports.',
      ]);
      expect(records.map((q) => [q.quote, q.speakers[0]?.name ?? null])).toEqual([
        ['The suspect told officers he had been drinking', 'court documents'],
        ['he had been drinking', 'The suspect'],
        ['Councillor Ann Lee said she would have voted against the plan', 'press reports'],
        ['she would have voted against the plan', 'Ann Lee'],
      ]);
      // "the company asked" inside the sources' account is no person's relayed words.
      const company = quotesOf([
        'Most of the publishing employees were not involved, and the company asked the bid team not to discuss the deal, according to sources familiar with the situation.',
      ]);
      expect(company.map((q) => q.speakers[0]?.name)).toEqual(['sources familiar with the situation']);
    });

    it('reads "staff" as a group, and "city staff" as the one city\'s staff the story names', () => {
      const quotes = extractQuotations(
        articleOf([
          'Residents asked about the plan through City of Surrey staff and TransLink staff.',
          'Surrey staff explained that the numbers were low.',
          'But city staff said they could not talk during the budget process.',
        ]),
      );
      expect(quotes.map((q) => [q.speakers[0]?.name, isCertain(q)])).toEqual([
        ['Surrey staff', true],
        ['Surrey staff', true],
      ]);
      // Two bodies' staff and no word to tell them apart: the story's words, not a guess.
      const two = extractQuotations(
        articleOf(['Delta staff and Surrey staff met on Monday.', 'Company staff said they could not talk during the budget process.']),
      );
      expect(two.map((q) => q.speakers[0]?.name)).toEqual(['Company staff']);
    });

    it('links a description right after a sentence that names one person first to that person, as a guess, unless the name is shared', () => {
      const named = extractQuotations(
        articleOf([
          '“We will build it here,” said Guenther Schuh, who founded the carmaker.',
          '“It will not sell,” said analyst Mary Brown.',
          'Schuh is aware that he is entering uncharted waters. “I don’t know any carmaker that makes money in this vehicle category,” the lanky, bespectacled professor said. “Especially not if they’re electric.”',
        ]),
      );
      // The answer shows the words the link rests on.
      expect(storyWords(named[2]!)).toBe('the lanky, bespectacled professor');
      // Found, and withheld, with the quote that continues it (right 16 times of 41 read on polnear-dev).
      expect(named.slice(2).map((q) => [q.speakers.map((s) => s.name), q.attribution, isCertain(q)])).toEqual([
        [['Guenther Schuh'], 'inferred', false],
        [['Guenther Schuh'], 'inferred', false],
      ]);
      // Across a paragraph break too: the last sentence of the paragraph before.
      const across = extractQuotations(articleOf(['Then Billy Eichner showed up to tell jokes.', '“Maybe you’re the first one,” the comedian said.']))[0]!;
      expect([across.speakers[0]?.name, isCertain(across)]).toEqual(['Billy Eichner', false]);
      // Two Joneses: "Jones" alone names neither for sure.
      const shared = extractQuotations(
        articleOf([
          'Caleb Jones scored for Edmonton against goalie Martin Jones.',
          'Later Jones recorded his first career goal.',
          '“I will have a little smile,” said the rookie defenceman.',
        ]),
      ).at(-1)!;
      expect(isCertain(shared)).toBe(false);
      // A party member is a description too ("the Kentucky Republican").
      const member = extractQuotations(
        articleOf([
          'Senate Majority Leader Mitch McConnell blamed the media for the attacks.',
          '“They isolated a few seconds of video footage,” the Kentucky Republican said.',
        ]),
      ).at(-1)!;
      expect([member.speakers[0]?.name, member.attribution, isCertain(member)]).toEqual(['Mitch McConnell', 'inferred', false]);
      // A work ("the book", "the article") is no description of a person.
      const work = extractQuotations(
        articleOf(['Peter Schweizer wrote a book about the family.', 'The book asserted that foreign entities gave money to the foundation.']),
      ).at(-1)!;
      expect([work.attribution, isCertain(work)]).toEqual(['unnamed', false]);
      // Nobody named in the sentence before: still a guess.
      const unnamed = extractQuotations(articleOf(['Alfonso Espinos runs the store.', 'The minimum order is small. “One!” says the affable proprietor.'])).at(
        -1,
      )!;
      expect(isCertain(unnamed)).toBe(false);
    });

    it('reads words named by a noun as their speaker\'s ("a scathing attack from Beijing\'s envoy in Ottawa that …")', () => {
      const quotes = extractQuotations(
        articleOf([
          'The outreach sparked ire, including a scathing attack from Beijing\'s envoy in Ottawa that it smacks of "Western egotism and white supremacy."',
        ]),
      );
      expect(quotes.map((q) => [q.quote, q.speakers.map((s) => s.name), isCertain(q)])).toEqual([
        ['that it smacks of "Western egotism and white supremacy."', ["Beijing's envoy"], true],
      ]);
    });

    it('reads no report in what someone would be saying, if ("but if the president is now saying, “…”")', () => {
      const quotes = quotesOf([
        'Jon Tester said Trump campaigned on having Mexico pay for the wall, but if the president is now saying, “We are going to have the taxpayer pay for it,” then it is a problem.',
      ]);
      expect(quotes.map((q) => q.speakers[0]?.name)).toEqual(['Jon Tester']);
    });

    it('ends a reported clause where "— but it now explains" starts another', () => {
      const quotes = quotesOf([
        'Global Affairs says on its website that Canadians are advised to be careful in China — which is unchanged — but it now explains the warning is "due to the risk of arbitrary enforcement of local laws."',
      ]);
      expect(quotes.map((q) => [q.quote, q.speakers[0]?.name])).toEqual([
        ['that Canadians are advised to be careful in China — which is unchanged', 'Global Affairs'],
        ['the warning is "due to the risk of arbitrary enforcement of local laws."', 'Global Affairs'],
      ]);
    });

    it('makes a continued quote as certain as the one it continues, no more', () => {
      const stated = extractQuotations(
        articleOf([
          'Robert Shaw was sentenced in January.',
          '“It is important to remember the rule of law,” the minister said. “We understand how hard this is for the family.”',
        ]),
      ).at(-1)!;
      expect([stated.speakers.map((s) => s.name), stated.attribution, isCertain(stated)]).toEqual([['the minister'], 'floating', true]);
      const guessed = extractQuotations(
        articleOf(['“We will replace each battery free of charge,” the company said. “Customers will hear from us this week.”']),
      ).at(-1)!;
      expect([guessed.speakers.map((s) => s.name), isCertain(guessed)]).toEqual([['the company'], false]);
    });

    it('reads "in her words" as hers, however short the quote, from the words after it', () => {
      const quotes = quotesOf(['Wendy Golden kept a shrine to her son for years.', 'It had, in her words, become "unhealthy."']);
      expect(quotes.map((q) => [q.quote, q.speakers.map((s) => s.name)])).toEqual([['become "unhealthy."', ['Wendy Golden']]]);
      const right = quotesOf(['Wendy Golden kept a shrine to her son for years.', 'It had become, in her words, "unhealthy."']);
      expect(right.map((q) => [q.quote, q.speakers.map((s) => s.name)])).toEqual([['"unhealthy."', ['Wendy Golden']]]);
    });

    it('keeps a second word the speaker "called" something ("called it “bold” and based on “one giant assumption”")', () => {
      const quotes = quotesOf(['Crown prosecutor Michael Pilon called the conclusion “bold” and based on “one giant assumption.”']);
      expect(quotes.map((q) => [q.quote, q.speakers.map((s) => s.name)])).toEqual([['“bold” and based on “one giant assumption.”', ['Michael Pilon']]]);
    });

    it('gives "they" the group with the words that qualify it ("Republican senators")', () => {
      const quotes = extractQuotations(
        articleOf(['Republican senators are eager to confirm judges, and they say they don’t want to consider any more shutdown bills.']),
      );
      expect(quotes.map((q) => [q.speakers[0]?.name, isCertain(q)])).toEqual([['Republican senators', false]]);
    });

    it('states "it" and "they" for speakers the story gave in words it would state, never for a guess', () => {
      const ministry = extractQuotations(
        articleOf([
          'The foreign ministry’s consular office said in a notice that travellers face risks.',
          'It urged them to “fully assess the risks of going to Canada.”',
        ]),
      ).at(-1)!;
      expect([ministry.speakers.map((s) => s.name), isCertain(ministry)]).toEqual([['The foreign ministry’s consular office'], false]);
      const company = extractQuotations(
        articleOf(['A toy maker recalled 40,000 scooters, the company said.', 'It said customers would get a refund within weeks.']),
      ).at(-1)!;
      expect(isCertain(company)).toBe(false);
    });

    it('finds one company whose name holds an ampersand ("Procter & Gamble"), and withholds it behind "the company"', () => {
      const q = extractQuotations(
        articleOf([
          'Procter & Gamble sells razors and soap around the world.',
          'The company said its annual profit could be slightly stronger than it had forecast.',
        ]),
      ).at(-1)!;
      expect([q.speakers.map((s) => s.name), isCertain(q)]).toEqual([['Procter & Gamble'], false]);
    });

    it('keeps the owner of a possessive in the subject, and never reads the group for its owner ("the school’s defenders")', () => {
      const quotes = extractQuotations(
        articleOf([
          'Covington Catholic High School is in Park Hills. “We will review it,” the school said.',
          'But the school’s defenders said there was nothing racial going on.',
          'The foreign ministry’s consular office said in a notice that travellers face risks.',
        ]),
      );
      expect(quotes.map((q) => q.speakers[0]?.name)).toEqual([
        'Covington Catholic High School',
        'the school’s defenders',
        'The foreign ministry’s consular office',
      ]);
    });

    it('leaves an adverb before the verb out of the subject ("Civic Action also has … and suggests")', () => {
      const quotes = extractQuotations(
        articleOf(['Civic Action also has an online road map for employers and suggests companies “should move to skills-based hiring.”']),
      );
      expect(quotes.map((q) => [q.mention, q.speakers[0]?.name])).toEqual([['Civic Action', 'Civic Action']]);
    });

    it.each<[string, boolean]>([
      ['Some experts say the rejection means a delay is likely.', true],
      ['A person familiar with the negotiations said the deal was done.', true],
      ['Nutrition experts said the guide was overdue.', true],
      ['People arrested last week said the police used force.', true],
      ['The players said the coach was sick.', false],
      ['The Democrat said the coach was sick.', false],
      ['The ministry said the guide was overdue.', true],
      ["The mayor's office said about 1,300 people attended.", true],
      ['The memo said the deal would protect journalism.', false],
      ['But the school’s defenders said there was nothing racial going on.', true],
      ['The memo obtained by the newspaper said the deal would protect journalism.', false],
    ])('states an unnamed speaker the story leaves unnamed on purpose, capitalised or not: %s', (paragraph, certain) => {
      const [q] = extractQuotations(articleOf([paragraph]));
      expect(q && isCertain(q)).toBe(certain);
    });

    it('gives "the officials said" the fuller words the story used before, withheld as a guess', () => {
      const quotes = extractQuotations(
        articleOf([
          'The president is committed for the long haul, according to administration officials unauthorized to speak publicly.',
          'But a long standoff only helps the Democrats, the officials said.',
        ]),
      );
      expect(quotes.map((q) => [q.speakers[0]?.name, isCertain(q)])).toEqual([
        ['administration officials unauthorized to speak publicly', true],
        ['administration officials unauthorized to speak publicly', false],
      ]);
    });

    it('gives a bare "sources said" the fuller words the story used before', () => {
      const quotes = quotesOf([
        'Rogers wants a buyer, and sources familiar with the negotiations have said it hoped to sign a deal.',
        'Details of the offer began to circulate amid concerns the bid will fail, sources said.',
      ]);
      expect(quotes.map((q) => q.speakers[0]?.name)).toEqual(['sources familiar with the negotiations', 'sources familiar with the negotiations']);
    });

    it('gives "the person" and "the judge" the fuller words the story used before', () => {
      const person = extractQuotations(
        articleOf([
          'Nik Stauskas was traded on Thursday, according to a person familiar with the negotiations.',
          'The deal was done to get under the tax line, said the person, who spoke on condition of anonymity.',
        ]),
      ).at(-1)!;
      expect(person.speakers.map((s) => s.name)).toEqual(['a person familiar with the negotiations']);
      const judge = extractQuotations(
        articleOf(['In 2003 the Nova Scotia judge declared Shrub a dangerous offender.', 'The judge said he was likely to pose a risk to others.']),
      ).at(-1)!;
      expect(judge.speakers.map((s) => s.name)).toEqual(['the Nova Scotia judge']);
      expect(isCertain(judge)).toBe(false);
    });

    it('does not read a bare surname as a young child who shares it', () => {
      const quotes = extractQuotations(
        articleOf([
          'Robert Major was driving the truck.',
          'The crash killed his girlfriend and two of his sons: Brenden Major, 4, and Theodore Cardinal, 9.',
          'Major said he was able to see the stop sign.',
        ]),
      );
      expect(quotes.at(-1)?.speakers).toEqual([who('Robert Major')]);
    });

    it('tells a father from a daughter who share a surname by the pronoun of what was said', () => {
      const quotes = extractQuotations(
        articleOf([
          'Khaled Belkacemi, 60, was one of the victims.',
          'For Megda Belkacemi, Friday is a day she has been awaiting. Her father Khaled was killed.',
          'Belkacemi says she will finally be able to turn the page on this chapter.',
        ]),
      );
      expect(quotes.at(-1)?.speakers.map((s) => s.name)).toEqual(['Megda Belkacemi']);
    });

    it('reads "the lanky, bespectacled professor said" as a description', () => {
      const quotes = extractQuotations(
        articleOf([
          'Professor John Schuh is aware that he is entering uncharted waters.',
          '“I don’t know any carmaker that makes money in this vehicle category,” the lanky, bespectacled professor said.',
        ]),
      );
      expect(quotes[0]?.speakers.map((s) => s.name)).toEqual(['John Schuh']);
    });

    it('matches "the Crown" to no one whose role only mentions the Crown', () => {
      const quotes = extractQuotations(
        articleOf(['Crown prosecutor Michael Pilon spoke to the jury.', 'The Crown said the report noted the change in elevation.']),
      );
      expect(quotes[0]?.speakers.map((s) => s.name)).not.toContain('Michael Pilon');
    });

    // Regression (was a bug): a quote before ", writing" set the subject search's floor, so the quote after it had no speaker.
    it('gives ", writing “…”" the sentence subject across an earlier quote', () => {
      const quotes = extractQuotations(
        articleOf([
          'Marc Gasol joined a rescue crew last summer.',
          'He voiced his "frustration and anger" on Twitter, writing "It is unbelievable how many people are abandoned at sea."',
        ]),
      );
      expect(quotes.at(-1)?.speakers).toEqual([who('Marc Gasol')]);
    });

    // Regression (was a bug): after a quote ending in "?" the attribution opening the next sentence was only found within
    // 40 characters, so a long appositive lost it.
    it('finds "…?” Name, a long appositive, said" after a question', () => {
      const [q] = extractQuotations(
        articleOf(['"Can he let his team push back harder?" Michael Evans, a senior strategist for the Asia-Pacific at Rabobank, said in a commentary.']),
      );
      expect(q?.speakers.map((s) => s.name)).toEqual(['Michael Evans']);
    });

    // Places and descriptions are no antecedents of "who": the person they describe is.
    it.each<[string, string, string]>([
      [
        'a state after a city',
        'At a town hall in Dover, N.H., on Monday, Governor Ann Marsh spoke for an hour, saying that the budget would pass.',
        'Ann Marsh',
      ],
      ['"City, State, who said"', '"We are ready," said Paul Ortiz, a farmer from Ames, Iowa, who said he had waited for years.', 'Paul Ortiz'],
      ['an appositive before "who said"', 'Dana Wells, the director of the Tenants Union of Halton, who said rents had doubled, spoke first.', 'Dana Wells'],
      ['a verb after "and" its clause\'s subject', 'Mayor Jo Lee was pushed into a long week of damage control and said that the plan would change.', 'Jo Lee'],
      [
        '", saying" the subject of the clause it ends',
        'Tenants say rents are too high, and the Renters Union of Dover has sued the landlord, saying the increase is illegal.',
        'Renters Union of Dover',
      ],
    ])('gives %s to the person: %s', (_label, sentence, speaker) => {
      const quotes = extractQuotations(articleOf([sentence]));
      expect(quotes.at(-1)?.speakers.map((s) => s.name)).toEqual([speaker]);
    });

    it('reads "said in an interview with <outlet> last week that …" as the frame of the clause, not of a noun', () => {
      const [said] = extractQuotations(
        articleOf(['Judge Amy Ross said in an interview with The Hamilton Spectator last week that she would not retire before the spring.']),
      );
      expect([said?.quote, said?.speakers.map((s) => s.name)]).toEqual(['that she would not retire before the spring', ['Amy Ross']]);
      const agreed = extractQuotations(
        articleOf(['The firm agreed to a $7 million settlement with the state attorney general over allegations that it misled its customers.']),
      );
      expect(agreed).toEqual([]);
    });

    it('gives "blasted the plan as “…”" to who blasted it, but nothing in an opening "After X criticized …," clause to X', () => {
      const [blasted] = extractQuotations(articleOf(['Sen. Jane Holt blasted the plan as “a disaster for working families.”']));
      expect(blasted?.speakers.map((s) => s.name)).toEqual(['Jane Holt']);
      const shot = extractQuotations(
        articleOf(['In 1998, after Mayor Ray Dunn criticized the council during a debate, Jo Lee shot back, “Nothing is final until we vote.”']),
      );
      expect(shot.flatMap((q) => q.speakers.map((s) => s.name))).not.toContain('Ray Dunn');
    });

    it('reads a reporting word after an owner as a noun: "that Smith’s comments “…”" is who reports it', () => {
      const quotes = extractQuotations(articleOf(['Mayor Jo Lee told CNN Tuesday that Smith’s comments “show no respect for voters.”']));
      expect(quotes.map((q) => [q.kind, q.speakers.map((s) => s.name)])).toEqual([['indirect', ['Jo Lee']]]);
    });

    // Regression (was a bug): the clause after "According to X," becomes X's role.
    it('gives the source of "According to X, …" no invented role', () => {
      const [q] = extractQuotations(articleOf(['According to Jane Smith, the talks had failed after three days.']));
      expect(q?.speakers).toEqual([who('Jane Smith')]);
    });
  });
});
