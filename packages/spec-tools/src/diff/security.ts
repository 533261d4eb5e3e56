// Auth has three levels: none, optional (a `{}` alternative: the key may be left out, as an
// overlay declares a key the vendor does not document), required. A different scheme (bearer, an API key header, basic, or
// another header name) is a change of scheme.
import { isDeepStrictEqual } from "node:util";
import { objectOr } from "../json.js";
import { deref } from "../openapi/ref.js";
import type { Differ } from "./differ.js";

interface Auth {
  required: boolean;
  optional: boolean;
  schemes: string[];
}

function authOf(doc: unknown, operation: Record<string, unknown>): Auth {
  const document = objectOr(doc);
  const requirements = (operation.security ?? document.security ?? []) as unknown[];
  const schemes = objectOr(objectOr(document.components).securitySchemes);
  const alternatives = requirements.map((requirement) =>
    Object.keys(requirement as object)
      .sort()
      .map((name) => {
        const scheme = objectOr(deref(doc, schemes[name]) ?? {});
        if (scheme.type === "http") return `http ${String(scheme.scheme).toLowerCase()}`;
        if (scheme.type === "apiKey") return `apiKey in ${scheme.in} ${String(scheme.name).toLowerCase()}`;
        return `${scheme.type ?? "unknown"} ${name}`;
      })
      .join(" + "),
  );
  const named = [...new Set(alternatives.filter(Boolean))].sort();
  return {
    required: named.length > 0 && !alternatives.includes(""),
    optional: named.length > 0 && alternatives.includes(""),
    schemes: named,
  };
}

const describe = (auth: Auth): string => (auth.schemes.length ? auth.schemes.join(" or ") : "none");
const level = (auth: Auth): number => (auth.required ? 2 : auth.optional ? 1 : 0);

export function compareSecurity(
  d: Differ,
  opA: Record<string, unknown>,
  opB: Record<string, unknown>,
  op: string,
): void {
  const a = authOf(d.a, opA);
  const b = authOf(d.b, opB);
  if (isDeepStrictEqual(a, b)) return;
  const [la, lb] = [level(a), level(b)];
  const meta = { operation: op };
  if (la > 0 && lb > 0 && !isDeepStrictEqual(a.schemes, b.schemes)) {
    d.emit("auth-changed", "operation", { op, from: describe(a), to: describe(b) }, meta);
  } else if (lb === 2) d.emit("auth-added", "operation", { op, to: describe(b) }, meta);
  else if (lb === 1 && la === 0) d.emit("auth-optional-added", "operation", { op, to: describe(b) }, meta);
  else d.emit("auth-removed", "operation", { op, from: describe(a), stillAccepted: lb === 1 }, meta);
}
