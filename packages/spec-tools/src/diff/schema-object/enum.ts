// Enums (and `const`, a one-value enum: see view.ts). Adding an enum where there was none
// narrows, dropping it widens; values added and removed at once are two changes.
import { isDeepStrictEqual } from "node:util";
import type { JsonObject } from "../../json.js";
import type { Location } from "../change.js";
import type { Differ } from "../differ.js";

export function compareEnums(d: Differ, a: JsonObject, b: JsonObject, at: Location, field: string | undefined): void {
  const ea = Array.isArray(a.enum) ? (a.enum as unknown[]) : undefined;
  const eb = Array.isArray(b.enum) ? (b.enum as unknown[]) : undefined;
  if (!ea && !eb) return;
  const meta = { operation: at.op, field };
  if (!ea) {
    d.emit("enum-added", at.side, { at, values: eb ?? [] }, meta);
    return;
  }
  if (!eb) {
    d.emit("enum-removed", at.side, { at, values: ea }, meta);
    return;
  }
  const added = eb.filter((value) => !ea.some((old) => isDeepStrictEqual(old, value)));
  const removed = ea.filter((value) => !eb.some((now) => isDeepStrictEqual(now, value)));
  if (added.length) d.emit("enum-value-added", at.side, { at, values: added }, meta);
  if (removed.length) d.emit("enum-value-removed", at.side, { at, values: removed }, meta);
}
