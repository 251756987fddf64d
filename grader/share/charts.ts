// The share-out's two pictures as standalone SVG files (GitHub shows them inline): drawn in harness/charts.ts, where
// the checkpoints' pictures for the UI are drawn too.
export { latencyChart, throughputChart, type Series } from '../../harness/charts.ts';
