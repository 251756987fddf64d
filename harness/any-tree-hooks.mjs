// Node module hooks for a tree graded from outside the workbook (harness/any-tree.ts): its files are ES modules
// whatever package.json lies above them (tsx would read them as CommonJS), and a package it imports that is not found
// from the tree (hdr-histogram-js) is looked up from the workbook's root instead. Files inside the workbook and in
// any node_modules are left alone.
import { fileURLToPath, pathToFileURL } from 'node:url';

const rootUrl = pathToFileURL(fileURLToPath(new URL('..', import.meta.url))).href.replace(/\/?$/, '/');
const foreign = (url) => typeof url === 'string' && url.startsWith('file:') && !url.startsWith(rootUrl) && !url.includes('/node_modules/');
const bare = (specifier) => !/^(\.{1,2}\/|\/|file:|node:|data:)/.test(specifier);

/** Resolves as Node would; a bare import from outside the workbook that fails is resolved again from its root. */
export async function resolve(specifier, context, nextResolve) {
  let result;
  try {
    result = await nextResolve(specifier, context);
  } catch (error) {
    if (!foreign(context.parentURL) || !bare(specifier)) throw error;
    result = await nextResolve(specifier, { ...context, parentURL: `${rootUrl}package.json` });
  }
  return foreign(result.url) && /\.(ts|tsx|js|jsx)$/.test(result.url) ? { ...result, format: 'module' } : result;
}
