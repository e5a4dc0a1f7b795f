// A folder scan on its own thread (see folder-scan.ts): every file under the folder but those in
// dot-folders, sorted, with its size and mtime. Plain JavaScript with nothing but node: imports,
// so the thread starts in a few ms: registering tsx and importing folder-scan.ts (which loads the
// article readers for one file-name test) took about a second at each cold start. The calling
// thread keeps the story files among these (isCorpusFileName); tests check both agree.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

/** Files under `dir`, relative and `/`-separated, skipping dot-files and dot-folders, in code-unit order. */
function listFiles(dir) {
  const out = [];
  const walk = (folder, rel) => {
    for (const e of readdirSync(folder, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(join(folder, e.name), path);
      else if (e.isFile()) out.push(path);
    }
  };
  walk(dir, '');
  return out.sort();
}

try {
  let paths;
  try {
    paths = listFiles(workerData.dir);
  } catch (err) {
    throw new Error(`Cannot read the corpus folder ${workerData.dir}: ${err?.code ?? String(err)}`);
  }
  const size = new Float64Array(paths.length).fill(Number.NaN);
  const mtimeMs = new Float64Array(paths.length).fill(Number.NaN);
  for (let i = 0; i < paths.length; i++) {
    try {
      // Gone or unreadable: NaN, so the file counts as changed and its reading reports why.
      const st = statSync(join(workerData.dir, paths[i]), { throwIfNoEntry: false });
      if (st) {
        size[i] = st.size;
        mtimeMs[i] = st.mtimeMs;
      }
    } catch {}
  }
  parentPort?.postMessage({ scan: { paths, size, mtimeMs } }, [size.buffer, mtimeMs.buffer]);
} catch (err) {
  parentPort?.postMessage({ error: err instanceof Error ? err.message : String(err) });
}
