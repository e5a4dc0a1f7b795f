/** The one error base class of whosaid: a message plus the context that says what went wrong where. */
export class WhosaidError extends Error {
  override readonly name: string = 'WhosaidError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A corpus file that could not be loaded. `path` is relative to the corpus folder. */
export class CorpusFileError extends WhosaidError {
  override readonly name = 'CorpusFileError';
  constructor(
    readonly path: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${path}: ${reason}`, options);
  }
}

/** Bad command-line or configuration input; adapters map it to a usage exit code. */
export class UsageError extends WhosaidError {
  override readonly name = 'UsageError';
}
