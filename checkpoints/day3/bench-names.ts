// The three benchmarks day 3 asks for, how a learner's bench name is matched to one, and its metric name.

/** A required benchmark: its name in the guide, its metric in the report, and which bench names count as it. */
export interface WantedBench {
  name: string;
  metric: string;
  matches: (name: string) => boolean;
}

/** GET, SET and mixed 80/20, in the guide's order. */
export const wantedBenches: WantedBench[] = [
  { name: 'GET', metric: 'bench.get.hz', matches: (name) => /\bget\b/i.test(name) && !/mix/i.test(name) },
  { name: 'SET', metric: 'bench.set.hz', matches: (name) => /\bset\b/i.test(name) && !/mix/i.test(name) },
  { name: 'mixed 80/20', metric: 'bench.mixed.hz', matches: (name) => /mix/i.test(name) },
];

/** The metric name of a learner's bench: a required one's (`bench.get.hz`), or `bench.<its name, slugged>.hz`. */
export function benchMetric(name: string): string {
  return wantedBenches.find((wanted) => wanted.matches(name))?.metric ?? `bench.${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.hz`;
}
