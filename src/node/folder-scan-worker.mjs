// A folder scan on its own thread (see folder-scan.ts). A worker thread starts without the parent's
// module hooks, so it registers tsx itself to load the TypeScript sources, as extract-worker.mjs does.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { scanFolder } = await import('./folder-scan.ts');
try {
  const scan = await scanFolder(workerData.dir);
  parentPort?.postMessage({ scan }, [scan.size.buffer, scan.mtimeMs.buffer]);
} catch (err) {
  parentPort?.postMessage({ error: err instanceof Error ? err.message : String(err) });
}
