import { parentPort } from 'node:worker_threads';
import { readDatesJob, type DatesJob } from '../core/snapshot/datesTransfer';

/** The second thread of `readDatesInParallel`: reads the dates of the sources it is sent, answers with their arrays. */
parentPort?.once('message', (job: DatesJob) => {
  const answer = readDatesJob(job);
  parentPort!.postMessage(answer, [answer.buffer as ArrayBuffer]);
});
