// Day 4 solution, stretch: the entry of each worker thread. Plain JavaScript, because a worker thread does not get the
// TypeScript loader that `node --import tsx` gave the main thread: it registers tsx for itself, then loads the rest.
import { register } from 'tsx/esm/api';

register();
await import('./worker-run.ts');
