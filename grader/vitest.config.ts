// The grader's vitest config: the checkpoints' settings (harness/checkpoint-settings.ts), plus the probe (which test
// is running) and fresh learner modules for each file.
import { mergeConfig } from 'vitest/config';
import { checkpointSettings } from '../harness/checkpoint-settings.ts';

// One worker runs every file of the day in turn (isolate: false): a fresh worker per file cost about 0.4 s of CPU
// each (day 2: 6.7 → 5.0 s of CPU). grader/fresh-modules.ts still loads the learner's modules afresh for each file, and
// each grader run is a new vitest process; the UI, which re-runs in place, keeps vitest's isolation.
// Each run also keeps the modules it transformed in node_modules/.experimental-vitest-cache (fsModuleCache), keyed by
// the file's path and content and by the config (the @learner/ alias names the tree): the next check reads them
// instead of transforming the checkpoints and the harness again (about 0.4 s of CPU a check).
export default mergeConfig(checkpointSettings(process.env, ['grader/fresh-modules.ts', 'grader/probe.ts']), {
  test: { isolate: false, experimental: { fsModuleCache: true } },
});
