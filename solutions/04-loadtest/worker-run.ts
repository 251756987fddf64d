// Day 4 solution, stretch: what each worker thread does. It says it is ready, waits for "go", runs the load test on
// its share of the connections, and sends back its report and its latency histogram.
import { parentPort, workerData } from 'node:worker_threads';
import { build, encodeIntoCompressedBase64, type Histogram } from 'hdr-histogram-js';
import { runLoadTest, type LoadOptions } from './loadtest.ts';

const port = parentPort!;
port.once('message', async () => {
  try {
    let histogram: Histogram = build(); // stays empty beside a runLoadTest without the onHistogram hook
    const options = {
      ...(workerData as LoadOptions),
      onProgress: (progress: { elapsedMs: number; totalOps: number; errors: number }) => port.postMessage({ kind: 'progress', progress }),
      onHistogram: (used: Histogram) => (histogram = used),
    };
    const report = await runLoadTest(options);
    port.postMessage({ kind: 'done', result: { report, histogram: encodeIntoCompressedBase64(histogram) } });
  } catch (error) {
    port.postMessage({ kind: 'failed', message: (error as Error).message });
  }
});
port.postMessage({ kind: 'ready' });
