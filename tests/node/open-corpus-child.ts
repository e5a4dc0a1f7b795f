/**
 * A separate process that opens a corpus folder through its saved index and prints what it got
 * as JSON: for tests of read-only folders and of two processes building one index at once.
 * Usage: node --import tsx open-corpus-child.ts <corpus dir> <user cache dir>
 */
import { openCachedCorpus } from '../../src/node/corpus-cache.ts';

const [dir = '', userCacheDir = ''] = process.argv.slice(2);
const opened = await openCachedCorpus(dir, { userCacheDir });
process.stdout.write(
  JSON.stringify({
    cacheDir: opened.cacheDir,
    extracted: opened.extracted,
    fromSavedIndex: opened.fromSavedIndex,
    quotations: opened.corpus.quotations.map((q) => q.quote),
    warnings: opened.warnings,
  }),
);
