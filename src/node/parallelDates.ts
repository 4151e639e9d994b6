import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { datesOf } from '../core/dates/sourceDates';
import { adoptDates, datesJobOf, withoutDates } from '../core/snapshot/datesTransfer';
import type { SourceDocument } from '../core/sources/document';

/** Below this much text to read, a second thread costs more to start (about 0.1 s) than it saves. */
const WORTH_A_THREAD = 4_000_000;
/**
 * Cores needed for a second thread. On the 2-core machine of the benchmarks it gained nothing (one thread's extraction
 * already keeps the second core busy with V8's collector and compiler: 3.4 s of CPU for 2.3 s of wall time, and two
 * threads took 2.3–2.6 s against 2.3–2.5 s): it is used where more cores are free, which that machine cannot measure.
 */
const MIN_CORES = 4;
/** The second thread's share of the sources: less than half, as it starts later and writes its answer. */
const THEIR_SHARE = 0.45;

/**
 * Reads the dates that `docs` lack against `reference` on two threads (the CLI's, and the desktop editor's): a
 * worker takes 9 sources of every 20 while this thread reads the others (a first check, or `index`, of a large
 * library spends most of its time there). With fewer than MIN_CORES cores, for a little text, or if the worker fails,
 * this thread reads them all: the dates are the same.
 */
export async function readDatesInParallel(docs: readonly SourceDocument[], reference: Date, dayFirst: boolean,
  { workerFile = path.join(__dirname, 'datesWorker.js'), minChars = WORTH_A_THREAD, minCores = MIN_CORES, pause }: ParallelOptions = {}): Promise<void> {
  const todo = withoutDates(docs, reference, dayFirst);
  let chars = 0;
  for (const doc of todo) chars += doc.text.length;
  const readHere = (list: readonly SourceDocument[]): Promise<void> => readOnThisThread(list, reference, dayFirst, pause);
  if (chars < minChars || todo.length < 2 || availableCores() < minCores) return readHere(todo);
  // Taken in turn, so that both shares hold the same mix of sources (a wire's dense dates, a magazine's few).
  const mine: SourceDocument[] = [];
  const theirs: SourceDocument[] = [];
  todo.forEach((doc, i) => ((i % 20) < THEIR_SHARE * 20 ? theirs : mine).push(doc));
  const worker = new Worker(workerFile);
  const answer = new Promise<Uint8Array>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', code => reject(new Error(`the dates worker stopped (${code})`)));
  });
  // Handled below; should this thread fail first, the worker's end is not an unhandled rejection of its own.
  answer.catch(() => undefined);
  try {
    worker.postMessage(datesJobOf(theirs, reference, dayFirst));
    await readHere(mine);
    try {
      adoptDates(theirs, await answer);
    } catch {
      // Whatever went wrong there, the dates are read here: slower, never different.
      await readHere(withoutDates(theirs, reference, dayFirst));
    }
  } finally {
    await worker.terminate();
  }
}

export interface ParallelOptions {
  /** The worker's script (the bundle's `datesWorker.js` beside this one). */
  readonly workerFile?: string;
  /** Less text than this is read on this thread alone. */
  readonly minChars?: number;
  /** Fewer cores than this: this thread alone. */
  readonly minCores?: number;
  /** Awaited after each source this thread reads: the editor's slices that yield to its event loop. */
  readonly pause?: () => Promise<void>;
}

async function readOnThisThread(docs: readonly SourceDocument[], reference: Date, dayFirst: boolean, pause?: () => Promise<void>): Promise<void> {
  for (const doc of docs) {
    datesOf(doc, reference, dayFirst);
    if (pause) await pause();
  }
}

function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}
