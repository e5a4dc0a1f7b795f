// An extraction worker (see extract-pool.ts). A worker thread starts without the parent's module
// hooks (tsx's under `npm start`, vite's under vitest), so it registers tsx itself to load the
// TypeScript sources; plain JavaScript keeps this file loadable before that.
import { register } from 'tsx/esm/api';

register();
const { extractFile } = await import('./extract-file.ts');

export default extractFile;
