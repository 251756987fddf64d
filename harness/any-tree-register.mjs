// Registers harness/any-tree-hooks.mjs in a Node started with `--import` this file (NODE_OPTIONS, harness/any-tree.ts).
import { register } from 'node:module';

register('./any-tree-hooks.mjs', import.meta.url);
