/** A small markdown story quoting `who` saying `what`, for corpus-folder tests. */
export const STORY = (who: string, what: string): string =>
  `---\ntitle: Harbour plans\ndate: 2024-05-02\n---\n\n"${what}," ${who}, the harbour master, said on Monday.\n`;
