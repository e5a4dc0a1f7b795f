import { describe, expect, it } from 'vitest';
import { createNameFinder } from '../../src/core/search/names.ts';

describe('createNameFinder', () => {
  const finder = createNameFinder(['Volodymyr Zelenskiy', 'Rustem Umerov', 'Jane Smith']);

  it('finds a name from a part of it, typos allowed', () => {
    expect(finder.find('zelensky', 1)[0]?.name).toBe('Volodymyr Zelenskiy');
    expect(finder.find('umerv', 1)[0]?.name).toBe('Rustem Umerov');
  });

  it('finds no one for a word that shares no part with any name, however few the names', () => {
    expect(finder.find('nobody', 3)).toEqual([]);
    expect(finder.find('nobody atall', 3)).toEqual([]);
  });
});
