// An import that reaches out of the learner's tree into the workbook's answers or grader (an editor's auto-import).
import { dirname, relative, resolve, sep } from 'node:path';
import { offLimitsFolder } from '../../harness/learner-bundle.ts';
import { root } from '../paths.ts';
import { findingAt, type Finding, type LearnerFile, type ReviewCheck } from './types.ts';

const specifiers = /\b(?:from|import)\s*\(?\s*(['"])((?:\.{1,2}\/|\/)[^'"]+)\1/g;

/** The tree `file` (as shown) belongs to: its top folder inside the workbook (`days/`), else its day folder's parent. */
function treeOf(file: string): string {
  const path = resolve(root, file);
  const inside = relative(root, path);
  return inside && !inside.startsWith('..') ? resolve(root, inside.split(sep)[0]!) : dirname(dirname(path));
}

/** A relative or absolute import that resolves into solutions/, checkpoints/, harness/ or grader/ from outside them. */
export const importLeavesTree: ReviewCheck = {
  id: 'import-leaves-tree',
  title: "an import of the workbook's own code",
  run(file: LearnerFile): Finding[] {
    const from = dirname(resolve(root, file.path));
    const tree = treeOf(file.path);
    const findings: Finding[] = [];
    // The specifier is a string, which `code` blanks: read it from the text, where `code` shows no comment there.
    for (const match of file.source.text.matchAll(specifiers)) {
      if (file.source.code[match.index] !== file.source.text[match.index]) continue;
      const folder = offLimitsFolder(resolve(from, match[2]!), tree);
      if (!folder) continue;
      findings.push(
        findingAt(
          this,
          file,
          match.index,
          `This imports '${match[2]}' from the workbook's ${folder}/, outside your tree.`,
          `The grader refuses it ("your files import only your own tree"): the day would pass on the workbook's code, not yours. An editor's auto-import often picks that copy; import your own file with a path inside your tree.`,
        ),
      );
    }
    return findings;
  },
};
