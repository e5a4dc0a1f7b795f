/**
 * Who is quoted where: each speaker's documents, ascending, in one pair of typed arrays (the same
 * layout as an inverted index's postings). Saved with the search, so a start does not walk every
 * quotation to group them again (at a million quotations that walk, with the certainty check that
 * decides which speakers a quotation shows, took about half a second), and held as two typed
 * arrays rather than a JavaScript array of numbers per speaker.
 */

export interface SpeakerListsData {
  readonly docCount: number;
  /** Speaker names, in order of first quotation. */
  readonly names: readonly string[];
  /** Documents of name n: docs[offsets[n] .. offsets[n + 1]). */
  readonly offsets: Uint32Array;
  readonly docs: Uint32Array;
}

const NONE = new Uint32Array(0);

export class SpeakerLists {
  private readonly numbers: Map<string, number>;

  constructor(readonly data: SpeakerListsData) {
    this.numbers = new Map(data.names.map((name, n) => [name, n]));
  }

  /** Group documents 0 … size − 1 by the speakers each shows. */
  static build(size: number, speakersOf: (doc: number) => readonly string[]): SpeakerLists {
    const numbers = new Map<string, number>();
    const names: string[] = [];
    let pairName: Uint32Array = new Uint32Array(Math.max(16, size));
    let pairDoc: Uint32Array = new Uint32Array(Math.max(16, size));
    let pairs = 0;
    for (let doc = 0; doc < size; doc++) {
      for (const name of speakersOf(doc)) {
        let n = numbers.get(name);
        if (n === undefined) {
          n = names.length;
          numbers.set(name, n);
          names.push(name);
        }
        if (pairs === pairName.length) {
          pairName = grow(pairName);
          pairDoc = grow(pairDoc);
        }
        pairName[pairs] = n;
        pairDoc[pairs++] = doc;
      }
    }
    // Counting sort by name; documents came in order, so each list is ascending.
    const offsets = new Uint32Array(names.length + 1);
    for (let i = 0; i < pairs; i++) {
      const n = pairName[i] as number;
      offsets[n + 1] = (offsets[n + 1] as number) + 1;
    }
    for (let n = 0; n < names.length; n++) offsets[n + 1] = (offsets[n + 1] as number) + (offsets[n] as number);
    const fill = offsets.slice(0, names.length);
    const docs = new Uint32Array(pairs);
    for (let i = 0; i < pairs; i++) {
      const n = pairName[i] as number;
      const at = fill[n] as number;
      docs[at] = pairDoc[i] as number;
      fill[n] = at + 1;
    }
    return new SpeakerLists({ docCount: size, names, offsets, docs });
  }

  get names(): readonly string[] {
    return this.data.names;
  }

  /** The documents quoting `name` (exact), ascending; empty for someone never quoted. */
  docsOf(name: string): Uint32Array {
    const n = this.numbers.get(name);
    return n === undefined ? NONE : this.data.docs.subarray(this.data.offsets[n], this.data.offsets[n + 1]);
  }
}

function grow(a: Uint32Array): Uint32Array {
  const b = new Uint32Array(a.length * 2);
  b.set(a);
  return b;
}
