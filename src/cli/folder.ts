/**
 * Folder errors worded for a person: "No such folder: …" instead of a raw ENOENT or ENOTDIR, for
 * whatever opened the folder (the CLI, the chat, the bot, eval, bench).
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { WhosaidError } from '../core/errors.ts';

/** Codes of a folder that cannot be read, and what to say about it. */
const FOLDER_ERRORS: Readonly<Record<string, string>> = Object.freeze({
  ENOENT: 'No such folder',
  ENOTDIR: 'Not a folder',
  EACCES: 'Cannot read the folder (permission denied)',
  EPERM: 'Cannot read the folder (permission denied)',
});

/**
 * The one-line message for an error that comes down to a folder that is missing, not a folder or
 * unreadable (the error itself or any of its causes); null for any other error.
 *
 * @example
 * folderErrorMessage(Object.assign(new Error('ENOENT'), { code: 'ENOENT', path: '/x' })); // 'No such folder: /x'
 */
export function folderErrorMessage(err: unknown, hint = 'Set CORPUS_DIR or pass --corpus <dir>.'): string | null {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const { code, path, syscall } = e as NodeJS.ErrnoException;
    const what = typeof code === 'string' ? FOLDER_ERRORS[code] : undefined;
    if (what && typeof path === 'string' && syscall !== 'open') return `${what}: ${path}. ${hint}`;
  }
  return null;
}

/** Throw a one-line error when `dir` is missing, not a folder or unreadable (checked before the bot starts). */
export async function assertFolder(dir: string, hint?: string): Promise<void> {
  try {
    if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error(`ENOTDIR: ${dir}`), { code: 'ENOTDIR', path: dir, syscall: 'stat' });
    await access(dir, constants.R_OK | constants.X_OK);
  } catch (err) {
    throw new WhosaidError(folderErrorMessage(err, hint) ?? `Cannot read the folder ${dir}: ${err instanceof Error ? err.message : String(err)}`, {
      cause: err,
    });
  }
}
