// The request body: added (required or not), removed, required or no longer, and its content.
import { objectOr } from "../json.js";
import { deref } from "../openapi/ref.js";
import type { Differ } from "./differ.js";
import { compareDocKeys } from "./docs.js";
import { compareContent } from "./media-type-object.js";

export function compareRequestBody(d: Differ, rawA: unknown, rawB: unknown, op: string): void {
  const a = deref(d.a, rawA);
  const b = deref(d.b, rawB);
  if (!a && !b) return;
  const meta = { operation: op };
  if (!a) {
    d.emit(objectOr(b).required ? "request-body-added-required" : "request-body-added", "request", { op }, meta);
    return;
  }
  if (!b) {
    d.emit("request-body-removed", "request", { op }, meta);
    return;
  }
  const ra = Boolean(objectOr(a).required);
  const rb = Boolean(objectOr(b).required);
  if (ra !== rb)
    d.emit(rb ? "request-body-newly-required" : "request-body-no-longer-required", "request", { op }, meta);
  const about = { at: "request-body", op } as const;
  compareDocKeys(d, objectOr(a), objectOr(b), { side: "request", op }, about);
  compareContent(d, objectOr(a).content, objectOr(b).content, { op, side: "request", path: [] }, about);
}
