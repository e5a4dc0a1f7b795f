import { describe, expect, it } from 'vitest';
import { foundIn } from '../helpers.ts';

const reported = (paragraph: string) => foundIn(paragraph, true);

describe('a report inside an opening subordinate clause ends where the main clause starts', () => {
  it.each([
    ['When the mayor said the bridge would reopen in May, the council laughed at the plan.', 'the mayor', 'the bridge would reopen in May'],
    ['After Ann Lee vowed to ban cars from the old town, shop owners started a petition.', 'Ann Lee', 'to ban cars from the old town'],
    ['As Okafor announced that the mill would close, workers gathered at the gate.', 'Okafor', 'that the mill would close'],
    ['While the coach said the team was tired, the players disagreed.', 'the coach', 'the team was tired'],
  ])('%s', (paragraph, speaker, words) => {
    expect(reported(paragraph)).toContainEqual([speaker, words]);
  });
});
