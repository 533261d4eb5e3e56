/** Not an RFC 3986 `pchar` (or `%`): what the vendors' own SDKs percent-encode in a path segment. */
const NOT_PCHAR = /[^\w\-.~!$&'()*+,;=:@]/gu;

/**
 * Encodes one path segment as the vendors' SDKs do: `+14157774444` stays as it is, while `/`,
 * `?`, `#`, `%`, space and non-ASCII are percent-encoded. Returns undefined for a value that can
 * never be a segment (empty, `.`, `..`, or a lone surrogate), so callers can name the field.
 */
export function encodePathSegment(value: string): string | undefined {
  if (value === "" || value === "." || value === "..") return undefined;
  try {
    return value.replace(NOT_PCHAR, encodeURIComponent);
  } catch {
    return undefined;
  }
}

/** An openapi-fetch `pathSerializer` that encodes every `{param}` with {@link encodePathSegment}. */
export function pathSerializer(pathname: string, pathParams: Record<string, unknown>): string {
  return pathname.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const value = pathParams[name];
    if (value === undefined || value === null) return whole;
    const encoded = encodePathSegment(String(value));
    if (encoded === undefined) throw new TypeError(`path parameter "${name}" cannot be empty, "." or ".."`);
    return encoded;
  });
}
