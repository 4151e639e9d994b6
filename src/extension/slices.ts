// Long work cut into slices that yield to the event loop, so that the extension host stays responsive.

/** The next turn of the event loop: setImmediate in Node; in a browser's web worker, a zero timeout. */
const nextTurn: (f: () => void) => void = typeof setImmediate === 'function' ? f => { setImmediate(f); } : f => { setTimeout(f, 0); };

/** The longest stretch of indexing work between two turns of the event loop (the extension host stays responsive). */
const SLICE_MS = 12;

/** A pause to call between small pieces of work: it yields to the event loop once SLICE_MS have passed since the last. */
export function slices(ms = SLICE_MS): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < ms) return;
    await new Promise<void>(resolve => nextTurn(resolve));
    last = performance.now();
  };
}
