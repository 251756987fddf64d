// One learner file bundled (esbuild) into a plain ES module the learner host can load without reading anything else,
// refusing an import that leaves the tree into the workbook's own code.
import { build, type Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './paths.ts';

/** The workbook's folders a learner's file may not import from: the answers and the grader's own code. */
export const offLimits = ['solutions', 'checkpoints', 'harness', 'grader'];

/** Thrown when the learner's file cannot be bundled: a syntax error, a missing file, an import that leaves the tree. */
export class BundleError extends Error {
  constructor(
    message: string,
    readonly leaves?: { importer: string; specifier: string; folder: string },
  ) {
    super(message);
  }
}

const inside = (path: string, dir: string) => path === dir || path.startsWith(`${dir}${sep}`);

/** The folder of `offLimits` that `path` lies in, unless it also lies in `tree` (grading solutions/ itself). */
export function offLimitsFolder(path: string, tree: string): string | undefined {
  if (inside(path, tree)) return undefined;
  return offLimits.find((folder) => inside(path, join(root, folder)));
}

/** The esbuild plugin that refuses a relative or absolute import from `tree` into an off-limits folder. */
function stayInTree(tree: string): Plugin {
  return {
    name: 'cachelings-stay-in-tree',
    setup(builder) {
      builder.onResolve({ filter: /^(\.{1,2}\/|\/)/ }, (args) => {
        if (!inside(args.importer, tree)) return undefined;
        const path = resolve(dirname(args.importer), args.path);
        const folder = offLimitsFolder(path, tree);
        if (!folder) return undefined;
        const importer = relative(process.cwd(), args.importer);
        return {
          errors: [
            {
              text: `${importer} imports '${args.path}', which leaves your tree for the workbook's ${folder}/: import only your own files.`,
              detail: { importer, specifier: args.path, folder },
            },
          ],
        };
      });
    },
  };
}

/** The esbuild plugin that keeps `import.meta.url`, `.dirname` and `.filename` in the tree's files naming the file as
 *  written (in a bundle they would name the bundle). */
function ownImportMeta(tree: string): Plugin {
  return {
    name: 'cachelings-own-import-meta',
    setup(builder) {
      builder.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (args) => {
        if (!inside(args.path, tree)) return undefined;
        const values: Record<string, string> = { url: pathToFileURL(args.path).href, dirname: dirname(args.path), filename: args.path };
        const text = (await readFile(args.path, 'utf8')).replace(/\bimport\.meta\.(url|dirname|filename)\b/g, (_, key: string) => JSON.stringify(values[key]));
        return { contents: text, loader: /\.[cm]?tsx?$/.test(args.path) ? 'ts' : 'js', resolveDir: dirname(args.path) };
      });
    },
  };
}

/** Bundles `file` (absolute) into `outDir` and returns the bundle's path; `tree` is the tree being graded. */
export async function bundle(file: string, outDir: string, tree: string = dirname(dirname(file))): Promise<string> {
  if (!existsSync(file)) throw new BundleError(`${relative(process.cwd(), file)} does not exist.`);
  const outfile = join(outDir, `${createHash('sha256').update(file).digest('hex').slice(0, 16)}.mjs`);
  try {
    await build({
      entryPoints: [file],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: 'inline',
      sourcesContent: false,
      logLevel: 'silent',
      nodePaths: [join(root, 'node_modules')],
      // A package that needs require() inside an ES module bundle (fast-check does not; some do).
      banner: { js: "import { createRequire as __cachelingsRequire } from 'node:module'; const require = __cachelingsRequire(import.meta.url);" },
      plugins: [stayInTree(tree), ownImportMeta(tree)],
    });
  } catch (error) {
    const first = (error as { errors?: { text: string; detail?: unknown; location?: { file: string; line: number } | null }[] }).errors?.[0];
    if (!first) throw error;
    const where = first.location ? `${first.location.file}:${first.location.line}: ` : '';
    throw new BundleError(first.detail ? first.text : `${where}${first.text}`, first.detail as BundleError['leaves']);
  }
  return outfile;
}
