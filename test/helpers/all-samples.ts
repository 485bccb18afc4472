// Every content rule's sample, merged: the corpus (bench/corpus.ts) plants one of each.
import { baseSamples, type Sample } from './samples.js';
import { samplesA } from './samples-a.js';
import { samplesB } from './samples-b.js';
import { samplesC } from './samples-c.js';

export const allSamples: Record<string, () => Sample> = {
  ...baseSamples,
  ...samplesA,
  ...samplesB,
  ...samplesC,
};
