// Light structure of a learner's TypeScript file, without a compiler (harness/source/): what `npm run review`, `npm run ask` and
// the UI's "look at" note read it with.
export { findFunction, functionAt, type Extract } from '../harness/source/extract.ts';
export { moduleStateOf } from '../harness/source/module-state.ts';
export { enclosing, functionsAround, lineOf, parse, type Source } from '../harness/source/parse.ts';
