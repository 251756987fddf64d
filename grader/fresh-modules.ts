// A vitest setup file: with every file of a day in one worker (grader/vitest.config.ts, isolate: false), each file
// still imports the learner's modules afresh, as in a process of its own, so module-level state never crosses files.
import { vi } from 'vitest';

vi.resetModules();
