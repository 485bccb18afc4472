// How random a value looks: the validators of rules whose secrets have no prefix or checksum
// (a generic `password = ...` assignment, a legacy token next to a vendor's name) use these to
// tell a generated secret from a word, an identifier, a counter or a placeholder.

import { hasTypedRun } from './placeholders.js';

/** Shannon entropy of the characters of `value`, in bits per character (0 for ''). */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const length = [...value].length;
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** How many of lower case, upper case, digits and other characters `value` uses (0-4). */
export function characterClasses(value: string): number {
  let lower = 0;
  let upper = 0;
  let digit = 0;
  let other = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = 1;
    else if (c >= 65 && c <= 90) upper = 1;
    else if (c >= 48 && c <= 57) digit = 1;
    else other = 1;
  }
  return lower + upper + digit + other;
}

/**
 * The size of the alphabet `value` was most likely drawn from: 16 for hex, else the sum of the
 * classes it uses (26 lower, 26 upper, 10 digits, 32 punctuation).
 */
export function alphabetSize(value: string): number {
  if (/^[0-9a-f]+$/.test(value) || /^[0-9A-F]+$/.test(value)) return 16;
  let size = 0;
  if (/[a-z]/.test(value)) size += 26;
  if (/[A-Z]/.test(value)) size += 26;
  if (/[0-9]/.test(value)) size += 10;
  if (/[^A-Za-z0-9]/.test(value)) size += 32;
  return size;
}

/**
 * The entropy below which a string of this length and alphabet is too repetitive to be
 * generated: 75% of log2(min(length, alphabet)). Calibrated on random strings (see
 * test/unit/entropy.test.ts): 99% of base62 and base64 strings of 12 characters or more, and of
 * base36 and hex strings of 20 or more, are above it; "abababababab" and "aaaa1111bbbb" are not.
 */
export function entropyThreshold(length: number, alphabet: number): number {
  return 0.75 * Math.log2(Math.max(2, Math.min(length, alphabet)));
}

// One implementation, shared with the placeholder filters.
export { hasTypedRun };

const VOWELS = /[aeiouy]/;
// Two-letter words that names and phrases are made of ("my_password", "db-pass", "id_token").
const SHORT_WORDS = new Set(['my', 'to', 'of', 'in', 'on', 'at', 'is', 'id', 'db', 'no', 'by', 'up', 'me', 'we', 'it', 'go', 'do', 'or', 'an', 'as', 'be', 'if', 'ok', 'pw', 'io', 'ui', 'js', 'ts', 'qa']);
const CONSONANT_CLUSTER = /[^aeiouy]{4}/;

/**
 * Whether `value` reads as words: split at punctuation, camelCase humps and letter/digit
 * boundaries, it has at most two groups of digits (generated strings scatter them), and at least
 * 90% of its letters are in pronounceable segments of 3 or more (a vowel, no cluster of 4
 * consonants) or in common two-letter words (my, db, id...). "passwordConfirmation", "SECRET_KEY_BASE", "test-token-123", "Summer2024!" read
 * as words; "kJ8hGf2DsAqW", "9f3c1e77ab04d2c6" and "x7qm2pl9vr4t" do not.
 */
export function looksLikeWords(value: string): boolean {
  const segments = value.match(/[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|[A-Z]|[0-9]+|[^A-Za-z0-9]+/g) ?? [];
  let letters = 0;
  let wordy = 0;
  let digitGroups = 0;
  for (const segment of segments) {
    if (/^[0-9]/.test(segment)) digitGroups++;
    else if (/^[A-Za-z]/.test(segment)) {
      letters += segment.length;
      const lower = segment.toLowerCase();
      if ((lower.length >= 3 && VOWELS.test(lower) && !CONSONANT_CLUSTER.test(lower)) || SHORT_WORDS.has(lower)) wordy += segment.length;
    }
  }
  return letters > 0 && digitGroups <= 2 && wordy >= 0.9 * letters;
}

export interface RandomnessOptions {
  /** Shorter values are never random enough (default 12). */
  minLength?: number;
  /** Fewer character classes are never random enough (default 2). */
  minClasses?: number;
}

/**
 * Whether `value` looks generated rather than typed: long enough, at least `minClasses`
 * character classes, entropy above the threshold for its length and alphabet, no typed run of
 * 7 ("abcdefg", "1234567", "xxxxxxx") and not a phrase of words.
 */
export function looksRandom(value: string, options: RandomnessOptions = {}): boolean {
  if (value.length < (options.minLength ?? 12)) return false;
  if (characterClasses(value) < (options.minClasses ?? 2)) return false;
  if (shannonEntropy(value) < entropyThreshold(value.length, alphabetSize(value))) return false;
  if (hasTypedRun(value, 7)) return false;
  return !looksLikeWords(value);
}
