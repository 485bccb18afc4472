// The programmatic entry point (`import ... from 'shipgate'`): the pieces the CLI is made of.

export { createEngine, runEngine, selectRules, isBlocking } from './engine.js';
export { parseStagedDiff, parsePatch, parseRawZ } from './diff-parse.js';
export { parsePushInput } from './push-input.js';
export { loadConfig, validateConfig } from './config.js';
export { formatMessage } from './messages.js';
export { redact, fingerprintOf } from './findings.js';
export { rules } from '../rules/index.js';
export type * from './types.js';
