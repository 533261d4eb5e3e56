// Nullability, read the same way from 3.0 (`nullable`) and 3.1 (`null` in `type`, a `null`
// member in a union, `null` in an enum): see view.ts.
import type { Location } from "../change.js";
import type { Differ } from "../differ.js";

export function compareNullable(d: Differ, a: boolean, b: boolean, at: Location, field: string | undefined): void {
  if (a === b) return;
  d.emit(b ? "nullable-added" : "nullable-removed", at.side, { at }, { operation: at.op, field });
}
