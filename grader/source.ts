// Light structure of a learner's TypeScript file, without a compiler: the entry of grader/source/ (`npm run review`, `npm run ask`).
export { findFunction, functionAt, type Extract } from './source/extract.ts';
export { moduleStateOf } from './source/module-state.ts';
export type { Fn } from './source/functions.ts';
export { mask, matching } from './source/mask.ts';
export { enclosing, functionsAround, lineOf, offsetOf, parse, type Block, type Source } from './source/parse.ts';
