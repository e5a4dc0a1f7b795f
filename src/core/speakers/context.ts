/** What a resolver may look at besides the mention: the story's people and bodies, and what was quoted lately. */
import type { PeopleIndex, Person } from './names.ts';
import type { Position, RecentSpeaker } from './lookup.ts';

export interface RecentOrg {
  readonly name: string;
  readonly at: Position;
  /** Several speakers, or a plural group ("officials"): what "they" refers back to. */
  readonly plural: boolean;
}

export interface ResolveContext {
  /** Organisations quoted lately, newest first, for "the company said". */
  readonly recentOrgs: readonly RecentOrg[];
  readonly index: PeopleIndex;
  readonly at: Position;
  /** Speakers of the most recent quotations, newest first, for "he said" right after a quote. */
  readonly recent: readonly RecentSpeaker[];
  /** "Belkacemi says she will …": the gender the reported words give the speaker, if any. */
  readonly gender?: 'm' | 'f';
  /** "…, saying he had never meant for Kody to die": people the reported words name, whom a pronoun speaker is not. */
  readonly excluded?: ReadonlySet<Person>;
}
