/**
 * The corpus folder's files and their sizes and mtimes: what a start or a reload compares with the
 * saved entries to find the files that changed. At a million quotations (100,000 files) listing and
 * stat'ing them takes about a second; `scanFolderInWorker` does it on another thread while the
 * main thread decodes the saved entries.
 */
import { statSync } from 'node:fs';
import { opendir } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { WhosaidError } from '../core/errors.ts';
import { formatOf } from '../core/read/load.ts';
import { createSlicer } from './turns.ts';

const SCAN_WORKER = new URL('./folder-scan-worker.mjs', import.meta.url);

/** A story file's name: a supported format, and no README or LICENSE. */
function isCorpusFileName(name: string): boolean {
  return !/^(?:README|LICENSE)(?:\.\w+)?$/i.test(name) && formatOf(name) !== null;
}

/** Is `path` (relative, `/`-separated) a file `listCorpusFiles` would list? */
export function isCorpusPath(path: string): boolean {
  const parts = path.split('/');
  return !parts.some((part) => part === '' || part.startsWith('.')) && isCorpusFileName(parts[parts.length - 1] ?? '');
}

/**
 * Corpus files under `dir` (relative, `/`-separated, sorted), skipping dot-folders such as the cache.
 * Read through `opendir` a thousand names at a time and sorted in slices: one `readdir` of a
 * 100,000-file folder and one sort of it held up answers for a tenth of a second each.
 */
export async function listCorpusFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (folder: string, rel: string): Promise<void> => {
    const folders: string[] = [];
    for await (const e of await opendir(folder, { bufferSize: 1024 })) {
      if (e.name.startsWith('.')) continue;
      if (e.isDirectory()) folders.push(e.name);
      else if (e.isFile() && isCorpusFileName(e.name)) out.push(rel ? `${rel}/${e.name}` : e.name);
    }
    for (const name of folders) await walk(join(folder, name), rel ? `${rel}/${name}` : name);
  };
  try {
    await walk(dir, '');
  } catch (err) {
    throw new WhosaidError(`Cannot read the corpus folder ${dir}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { cause: err });
  }
  return sortInSlices(out);
}

/** The strings in code-unit order (as `sort()` puts them): runs sorted, then merged, yielding between slices. */
export async function sortInSlices(list: string[]): Promise<string[]> {
  const slicer = createSlicer();
  let runs: string[][] = [];
  for (let i = 0; i < list.length; i += 4096) {
    runs.push(list.slice(i, i + 4096).sort());
    if (slicer.due(0)) await slicer.pause();
  }
  while (runs.length > 1) {
    const merged: string[][] = [];
    for (let r = 0; r < runs.length; r += 2) {
      const a = runs[r] ?? [];
      const b = runs[r + 1];
      if (!b) {
        merged.push(a);
        continue;
      }
      const out = new Array<string>(a.length + b.length);
      let i = 0;
      let j = 0;
      for (let k = 0; k < out.length; k++) {
        if (slicer.due(k)) await slicer.pause();
        const x = a[i];
        const y = b[j];
        if (y === undefined || (x !== undefined && x <= y)) {
          out[k] = x as string;
          i++;
        } else {
          out[k] = y;
          j++;
        }
      }
      merged.push(out);
    }
    runs = merged;
  }
  return runs[0] ?? [];
}

/** The files of a corpus folder, sorted, with their size and mtime (NaN: gone or unreadable when stat'ed). */
export interface FolderScan {
  readonly paths: string[];
  readonly size: Float64Array;
  readonly mtimeMs: Float64Array;
}

/**
 * List and stat every corpus file under `dir`, in slices between turns of the event loop. Files
 * are stat'ed synchronously: a few µs each, where a promise stat with its thread-pool round trip
 * costs four times as much.
 */
export async function scanFolder(dir: string): Promise<FolderScan> {
  const paths = await listCorpusFiles(dir);
  const size = new Float64Array(paths.length).fill(Number.NaN);
  const mtimeMs = new Float64Array(paths.length).fill(Number.NaN);
  const slicer = createSlicer();
  for (let i = 0; i < paths.length; i++) {
    if (slicer.due(i)) await slicer.pause();
    // Gone or unreadable: NaN, so the file counts as changed and its reading reports why.
    const st = statOf(join(dir, paths[i] as string));
    if (st) {
      size[i] = st.size;
      mtimeMs[i] = st.mtimeMs;
    }
  }
  return { paths, size, mtimeMs };
}

/** A file's size and mtime, synchronously; null when it is gone or cannot be stat'ed. */
export function statOf(full: string): { readonly size: number; readonly mtimeMs: number } | null {
  try {
    return statSync(full, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

/** Does a saved entry's size and mtime match the file's now (NaN: not stat'ed, so no)? */
export function sameStat(saved: { readonly size: number; readonly mtimeMs: number }, size: number, mtimeMs: number): boolean {
  return saved.size === size && saved.mtimeMs === mtimeMs;
}

/** The story files of a scan of every file (what the worker gives: it leaves the file-name test to this thread). */
function storyFilesOf(all: FolderScan): FolderScan {
  const keep: number[] = [];
  for (let i = 0; i < all.paths.length; i++) {
    const path = all.paths[i] ?? '';
    if (isCorpusFileName(path.slice(path.lastIndexOf('/') + 1))) keep.push(i);
  }
  if (keep.length === all.paths.length) return all;
  return {
    paths: keep.map((i) => all.paths[i] ?? ''),
    size: Float64Array.from(keep, (i) => all.size[i] ?? Number.NaN),
    mtimeMs: Float64Array.from(keep, (i) => all.mtimeMs[i] ?? Number.NaN),
  };
}

/**
 * `scanFolder` on a worker thread: the calling thread stays free to decode the saved entries at a
 * cold start (a live rescan gains nothing from it: answers stall as long either way). Falls back
 * to scanning here when the worker cannot start, throws or exits without an answer; a folder that
 * cannot be read rejects with the same error as `scanFolder`.
 */
export function scanFolderInWorker(dir: string, worker: URL = SCAN_WORKER): Promise<FolderScan> {
  return new Promise((resolve, reject) => {
    let thread: Worker;
    try {
      thread = new Worker(worker, { workerData: { dir } });
    } catch {
      scanFolder(dir).then(resolve, reject);
      return;
    }
    let settled = false;
    // A worker that throws, or exits without an answer (a fatal error, process.exit): scan here.
    const here = () => {
      if (settled) return;
      settled = true;
      scanFolder(dir).then(resolve, reject);
    };
    thread.once('message', (m: { scan?: FolderScan; error?: string }) => {
      if (settled) return;
      settled = true;
      if (m.scan) resolve(storyFilesOf(m.scan));
      else reject(new WhosaidError(m.error ?? `Cannot read the corpus folder ${dir}`));
      void thread.terminate();
    });
    thread.once('error', here);
    thread.once('exit', here);
  });
}
