// Where a learner's server spent its CPU: a V8 CPU profile (what `node --cpu-prof` writes) read as the functions of
// the learner's own files that were running, each with its line, its share of the busy samples, and what it called.
import { fileURLToPath } from 'node:url';

/** The parts of a V8 CPU profile read here (Profiler.stop's `profile`). */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
    positionTicks?: { line: number; ticks: number }[];
  }[];
  samples: number[];
}

/** One function of the learner's files: where it is, its share of the busy samples (itself and what it called), and
 *  the hottest line inside it and the callee outside the learner's files that took most of its time, if any. */
export interface HotFrame {
  file: string;
  line: number;
  name: string;
  share: number;
  hottestLine?: number;
  mostlyIn?: { name: string; share: number };
}

const idle = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** The `top` functions of the files under `dir` that the busy samples of `profile` were in (innermost learner frame
 *  of each sample), largest share first; `file` relative to `dir`, `line` 1-based. */
export function hotFrames(profile: CpuProfile, dir: string, top = 5): HotFrame[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const pathOf = (url: string) => (url.startsWith('file://') ? fileURLToPath(url) : url);
  const mine = (id: number) => pathOf(byId.get(id)!.callFrame.url).startsWith(`${dir}/`);
  const frames = new Map<number, { samples: number; callees: Map<string, number> }>();
  let busy = 0;
  for (const sample of profile.samples) {
    const top = byId.get(sample);
    if (!top || idle.has(top.callFrame.functionName)) continue;
    busy += 1;
    // Walk up to the innermost frame in the learner's files; remember the frame just below it (what it called).
    let id: number | undefined = sample;
    let below: number | undefined;
    while (id !== undefined && !mine(id)) [below, id] = [id, parent.get(id)];
    if (id === undefined) continue;
    const entry = frames.get(id) ?? { samples: 0, callees: new Map<string, number>() };
    entry.samples += 1;
    if (below !== undefined) {
      const name = byId.get(below)!.callFrame.functionName || '(anonymous)';
      entry.callees.set(name, (entry.callees.get(name) ?? 0) + 1);
    }
    frames.set(id, entry);
  }
  if (busy === 0) return [];
  // One row per function: the same function reached through several call paths is summed.
  const rows = new Map<string, HotFrame & { samples: number; callees: Map<string, number>; ticks: Map<number, number> }>();
  for (const [id, entry] of frames) {
    const { callFrame, positionTicks = [] } = byId.get(id)!;
    const file = pathOf(callFrame.url).slice(dir.length + 1);
    const key = `${file}:${callFrame.lineNumber}:${callFrame.functionName}`;
    const row = rows.get(key) ?? {
      file,
      line: callFrame.lineNumber + 1,
      name: callFrame.functionName || '(anonymous)',
      share: 0,
      samples: 0,
      callees: new Map(),
      ticks: new Map(),
    };
    row.samples += entry.samples;
    for (const [name, count] of entry.callees) row.callees.set(name, (row.callees.get(name) ?? 0) + count);
    for (const { line, ticks } of positionTicks) row.ticks.set(line, (row.ticks.get(line) ?? 0) + ticks);
    rows.set(key, row);
  }
  return [...rows.values()]
    .filter((row) => row.samples / busy >= 0.01)
    .sort((a, b) => b.samples - a.samples)
    .slice(0, top)
    .map(({ file, line, name, samples, callees, ticks }) => {
      const callee = [...callees].sort((a, b) => b[1] - a[1])[0];
      const hottest = [...ticks].sort((a, b) => b[1] - a[1])[0];
      return {
        file,
        line,
        name,
        share: samples / busy,
        ...(hottest && { hottestLine: hottest[0] }),
        ...(callee && callee[1] / samples >= 0.25 && { mostlyIn: { name: callee[0], share: callee[1] / busy } }),
      };
    });
}

/** The frames as lines for a failure message: "41% serveText (05-performance/server.ts:62, hottest line 70), mostly in log (30%)". */
export function framesText(frames: HotFrame[], shown: (file: string) => string): string {
  return frames
    .map((frame) => {
      const where = `${shown(frame.file)}:${frame.hottestLine ?? frame.line}${frame.hottestLine && frame.hottestLine !== frame.line ? `, in the function at line ${frame.line}` : ''}`;
      const callee = frame.mostlyIn ? `, ${Math.round(frame.mostlyIn.share * 100)}% of it in ${frame.mostlyIn.name}` : '';
      return `  ${String(Math.round(frame.share * 100)).padStart(3)}%  ${frame.name} (${where})${callee}`;
    })
    .join('\n');
}
