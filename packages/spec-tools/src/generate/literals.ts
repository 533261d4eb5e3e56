// Values written as TypeScript literals into generated code.

const key = (name: string): string => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));

/** A value as a TypeScript literal, indented by `indent`, keys unquoted where they can be. */
export function ts(value: unknown, indent = ""): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return value.length ? `[${value.map((item) => ts(item, inner)).join(", ")}]` : "[]";
  }
  const entries = Object.entries(value);
  if (!entries.length) return "{}";
  return `{\n${entries.map(([name, item]) => `${inner}${key(name)}: ${ts(item, inner)},`).join("\n")}\n${indent}}`;
}

/** A value as a one-line TypeScript literal: `{ header: "Authorization", declared: true }`. */
export function tsLine(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(tsLine).join(", ")}]`;
  const entries = Object.entries(value);
  return entries.length ? `{ ${entries.map(([name, item]) => `${key(name)}: ${tsLine(item)}`).join(", ")} }` : "{}";
}
