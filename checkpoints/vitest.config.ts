// Vitest config for the checkpoints: `@learner/…` resolves into the tree being graded (CACHELINGS_TARGET, default days/).
import { defineConfig } from 'vitest/config';
import { checkpointSettings } from '../harness/checkpoint-settings.ts';

export default defineConfig(checkpointSettings());
