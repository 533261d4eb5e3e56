/** What replaces known secrets in a text (the CLI's `Secrets`). */
export interface Scrubber {
  text(value: string): string;
}

/** The most characters of any input a message quotes (CONTRACT.md, CLI). */
export const QUOTE_LIMIT = 40;

/**
 * Input as a message may show it: known secrets replaced first (so a cut can never leave part
 * of one), then cut to {@link QUOTE_LIMIT} characters with "…".
 */
export function clip(value: string, secrets?: Scrubber): string {
  const text = secrets ? secrets.text(value) : value;
  if (text.length <= QUOTE_LIMIT) return text;
  // Characters, not UTF-16 units (a cut never splits a pair). 2 × limit + 2 units always hold
  // more than `limit` characters when the text is longer than that.
  const head = Array.from(text.slice(0, QUOTE_LIMIT * 2 + 2));
  return head.length <= QUOTE_LIMIT ? text : `${head.slice(0, QUOTE_LIMIT).join("")}…`;
}

/** {@link clip} in double quotes, control characters escaped as JSON escapes them. */
export function quote(value: string, secrets?: Scrubber): string {
  return JSON.stringify(clip(value, secrets));
}

/** Input shown bare in a line (a row's id): {@link clip}ped, and quoted unless it is visible ASCII. */
export function bare(value: string, secrets?: Scrubber): string {
  const text = clip(value, secrets);
  return /^[!-~]+$/.test(text) ? text : JSON.stringify(text);
}
