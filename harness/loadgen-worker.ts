// A worker thread of the load generator (started by loadgen-workers.ts): warms up, says it is ready, runs its share
// of the connections when told to go, and sends back what it measured (its latencies moved, not copied).
import { parentPort, workerData } from 'node:worker_threads';
import { runThread, type ThreadLoad } from './loadgen-thread.ts';

const port = parentPort!;
const load = workerData as ThreadLoad;
port.once('message', () => {
  void runThread(load).then((result) => port.postMessage(result, [result.latencies.buffer]));
});
// A fresh thread runs its first few hundred milliseconds as cold code (the JIT has not compiled the hot loop yet): it
// drives the server for warmUpMs, unmeasured, before it reports ready, so that the measured run starts warm.
if (load.warmUpMs > 0) await runThread({ ...load, durationMs: load.warmUpMs, seed: load.seed ^ 0x5bd1e995 });
port.postMessage('ready');
