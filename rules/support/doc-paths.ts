// Where documentation examples and test fixtures live. Only the rules that cannot tell a real
// value from a well-made example by its shape alone (the generic assignment rule, JWTs, URL
// credentials) stay out of these; detectors with a prefix or a checksum scan them like any file.

export const EXAMPLE_AND_TEST_FILES: readonly string[] = [
  '**/*.examples.json', '**/examples/**', '**/example/**', '**/docs/**',
  '**/test/**', '**/tests/**', '**/__tests__/**', '**/__fixtures__/**', '**/fixtures/**',
  '**/*.test.*', '**/*.spec.*', '**/test.{js,mjs,cjs,ts}',
];

/** Type declarations hold types ("KdcAdminPassword?: XmlStringMaxLen256"), never values. */
export const DECLARATION_FILES: readonly string[] = ['**/*.d.ts', '**/*.d.mts', '**/*.d.cts'];
