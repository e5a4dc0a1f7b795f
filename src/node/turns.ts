/**
 * Long loops on the event loop, in slices: a live reload walks every file of a 100,000-story
 * archive several times, and one pass over them in a single turn held up answers for 0.1–0.4 s.
 */

/** Resolves on a later turn of the event loop (after pending timers and I/O). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Milliseconds of work between two yields: under the 50 ms a question may wait, and long enough
 * that a reload still gets its share of the loop when questions arrive back to back.
 */
export const SLICE_MS = 20;

/**
 * A clock for sliced loops: `if (slicer.due(i)) await slicer.pause()` yields once `sliceMs` has
 * passed since the last pause (the clock is read only every 256 steps).
 *
 * @example
 * const slicer = createSlicer();
 * for (let i = 0; i < items.length; i++) {
 *   if (slicer.due(i)) await slicer.pause();
 *   work(items[i]);
 * }
 */
export function createSlicer(sliceMs = SLICE_MS): { due(step: number): boolean; pause(): Promise<void> } {
  let since = performance.now();
  return {
    due: (step) => (step & 255) === 0 && performance.now() - since > sliceMs,
    async pause() {
      await nextTurn();
      since = performance.now();
    },
  };
}
