import type { FieldLimit } from "@phonebridge/core";

/**
 * phonebridge's own label limit, for a vendor whose spec declares no `maxLength` on the field
 * its label goes to (docs/CONTRACT.md#facade-updateid-changes-options).
 */
export const MAX_LABEL_LENGTH = 255;

/** The formats whose shape phonebridge checks; any other declared format is left to the vendor. */
const FORMATS: Readonly<Record<string, RegExp>> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
};

/** Length in code points, as JSON Schema's `maxLength` counts, so an emoji counts as one character. */
export function characters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** A spec's pattern, compiled once; undefined when there is none (or it does not compile). */
function compile(pattern: string | undefined): RegExp | undefined {
  if (pattern === undefined) return undefined;
  try {
    return new RegExp(pattern, "u");
  } catch {
    return undefined;
  }
}

/** What a spec's limit on a string says, checked: returns what is wrong (without quoting the value), or undefined. */
export type StringCheck = (value: string) => string | undefined;

/**
 * The label rules: 1 to `maxLength` characters (the field's own, else {@link MAX_LABEL_LENGTH})
 * and at least its `minLength`, its `pattern` and `format`. `where` names the vendor's field.
 */
export function labelCheck(limit: FieldLimit | undefined, where: string): { max: number; check: StringCheck } {
  const max = limit?.maxLength ?? MAX_LABEL_LENGTH;
  const min = Math.max(1, limit?.minLength ?? 1);
  const source = limit?.maxLength === undefined ? "phonebridge's own limit" : `${where} allows ${max}`;
  const rest = stringCheck(limit, where);
  return {
    max,
    check: (value) => {
      // UTF-16 units are never fewer than code points, nor more than twice as many: within `max`
      // units the upper bound holds, and from `2 * min` units the lower one, without counting.
      const length = value.length <= max && value.length >= 2 * min ? value.length : characters(value);
      if (length < min || length > max) return `must be ${min} to ${max} characters (${source})`;
      return rest(value);
    },
  };
}

/** The rules of a spec's limit other than the label's length: pattern, format and, for ids, the lengths. */
export function stringCheck(limit: FieldLimit | undefined, where: string, lengths = false): StringCheck {
  const pattern = compile(limit?.pattern);
  const format = limit?.format === undefined ? undefined : FORMATS[limit.format];
  const max = lengths ? limit?.maxLength : undefined;
  const min = lengths ? limit?.minLength : undefined;
  if (pattern === undefined && format === undefined && max === undefined && min === undefined) return () => undefined;
  return (value) => {
    if (format !== undefined && !format.test(value)) return `is not a ${limit?.format}, which ${where} must be`;
    if (pattern !== undefined && !pattern.test(value)) return `does not match ${where}'s pattern ${limit?.pattern}`;
    if (max !== undefined || min !== undefined) {
      const length = characters(value);
      if (max !== undefined && length > max) return `is longer than ${where} allows (${max} characters)`;
      if (min !== undefined && length < min) return `is shorter than ${where} allows (${min} characters)`;
    }
    return undefined;
  };
}
