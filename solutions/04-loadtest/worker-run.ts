// Day 4 solution, stretch: what each worker thread does. It says it is ready, waits for "go", runs the load test on
// its share of the connections, and sends back its report and its latency histogram.
import { parentPort, workerData } from 'node:worker_threads';
import { build, encodeIntoCompressedBase64 } from 'hdr-histogram-js';
import { runLoadTest, type LoadOptions } from './loadtest.ts';

const port = parentPort!;
port.once('message', async () => {
  try {
    let histogram = build();
    const options: LoadOptions = {
      ...(workerData as LoadOptions),
      onProgress: (progress) => port.postMessage({ kind: 'progress', progress }),
      onHistogram: (used) => (histogram = used),
    };
    const report = await runLoadTest(options);
    port.postMessage({ kind: 'done', result: { report, histogram: encodeIntoCompressedBase64(histogram) } });
  } catch (error) {
    port.postMessage({ kind: 'failed', message: (error as Error).message });
  }
});
port.postMessage({ kind: 'ready' });
