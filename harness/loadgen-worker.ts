// A worker thread of the load generator (started by loadgen-workers.ts): says it is ready, runs its share of the
// connections when told to go, and sends back what it measured (its latencies moved, not copied).
import { parentPort, workerData } from 'node:worker_threads';
import { runThread, type ThreadLoad } from './loadgen-thread.ts';

const port = parentPort!;
port.once('message', async () => {
  const result = await runThread(workerData as ThreadLoad);
  port.postMessage(result, [result.latencies.buffer]);
});
port.postMessage('ready');
