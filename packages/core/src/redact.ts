export const REDACTED = "[redacted]";

/**
 * A copy of `value` in which every property named in `secretKeys`, at any depth, is replaced by
 * "[redacted]", and every string equal to or containing one of `secretValues` (the API key) has
 * it replaced. `value` itself is never modified.
 */
export function redact(value: unknown, secretKeys: ReadonlySet<string>, secretValues: readonly string[] = []): unknown {
  if (typeof value === "string") return scrub(value, secretValues);
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, secretKeys, secretValues));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = secretKeys.has(key) && item !== null ? REDACTED : redact(item, secretKeys, secretValues);
  }
  return out;
}

/** Replaces each secret value inside `text`. Secrets shorter than 4 characters are left alone. */
export function scrub(text: string, secretValues: readonly string[]): string {
  let out = text;
  for (const secret of secretValues) {
    if (secret.length >= 4 && out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** True when a secret key appears anywhere in `value`, so the common case skips the copy. */
export function holdsSecret(value: unknown, secretKeys: ReadonlySet<string>): boolean {
  if (secretKeys.size === 0 || value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some((item) => holdsSecret(item, secretKeys));
  for (const key in value) {
    if (secretKeys.has(key)) return true;
    if (holdsSecret((value as Record<string, unknown>)[key], secretKeys)) return true;
  }
  return false;
}
