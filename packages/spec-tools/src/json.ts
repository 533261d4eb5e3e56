// Parsed OpenAPI documents are JSON of any shape (a vendor's document may be wrong anywhere), so
// the tools read them as `unknown` and narrow with these guards instead of trusting a type.

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value if it is an object, else an empty one: for walking optional parts of a document. */
export function objectOr(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

export function arrayOr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function stringOr(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The message of anything thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
