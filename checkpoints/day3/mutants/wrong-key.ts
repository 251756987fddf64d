// Mutant (never shown to the learner): the learner's own Cache behind 64 buckets whose lookup never compares the key,
// so get returns whichever key of the same bucket was written last.
import { Cache as Original } from '@learner/01-cache/cache.ts';

function bucket(key: string): string {
  let hash = 0;
  for (let i = 0; i < key.length; i += 1) hash = (hash * 31 + key.charCodeAt(i)) >>> 0;
  return `bucket-${hash % 64}`;
}

export class Cache extends Original {
  constructor() {
    super();
    // Wrap whatever methods the learner wrote (methods or arrow-function fields), keeping their other methods.
    const [set, get, remove] = [this.set.bind(this), this.get.bind(this), this.delete.bind(this)];
    this.set = (key: string, value: string): void => set(bucket(key), value);
    this.get = (key: string): string | undefined => get(bucket(key));
    this.delete = (key: string): boolean => remove(bucket(key));
  }
}
