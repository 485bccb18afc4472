// Secrets with no prefix of their own (AWS secret keys, Datadog keys, Snyk UUIDs, Okta and
// Facebook tokens) are told from any other string by the name they are assigned to:
// `NAME <separator> value`. These are the pattern parts those rules share, as regex source for
// case-insensitive patterns. Each part is bounded and made of characters the next part cannot
// start with, so the patterns built from them run in linear time.

/**
 * What stands between a key name and its value: 1 to 12 of blanks, quotes, brackets,
 * backslashes and = : , > ? ( -- KEY=v, KEY: v, "Key": "v", KEY v (Dockerfile ENV), key := v,
 * key => v, setenv("KEY", "v"), <Key>v, {\"Key\":\"v\"}.
 */
export const ASSIGNMENT = '[\\s"\'`\\\\\\[\\]=:,>?(]{1,12}';

/** What may follow a key name before the separator: DD_API_KEY_PROD, AWS_SECRET_ACCESS_KEY_2. */
export const NAME_SUFFIX = '[a-z0-9_.-]{0,24}';

/** ASSIGNMENT's characters and `{`, for a value one level down an object named for the service. */
const NESTED = '[\\s"\'`\\\\\\[\\]{=:,>?(]';

/**
 * A name made of `nameChars` that holds `context` in its first 30 characters (OKTA_API_TOKEN,
 * facebookAccessToken), optionally a separator and a second name ("okta": {"token": ...}),
 * then a separator. The name is read from its start, so a run of overlapping context words is
 * read once, not once per word; names are taken atomically (a lookahead captures the run, a
 * backreference consumes it), so a run that does not fit fails once instead of backtracking
 * through every shorter length. Uses capture groups 1 and 2: it must open the pattern.
 */
export function contextName(context: string, nameChars: string): string {
  return (
    `(?<!${nameChars})(?=${nameChars}{0,30}?${context})(?=(${nameChars}{1,64}))\\1` +
    `(?:(?=(${NESTED}{1,8}${nameChars}{1,30}))\\2)?${NESTED}{1,12}`
  );
}
