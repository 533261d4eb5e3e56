// Array items: typed where they were not (narrows), untyped (widens), or compared.
import type { JsonObject } from "../../json.js";
import type { Location } from "../change.js";
import type { Differ } from "../differ.js";
import { compareSchema } from "./index.js";

export function compareItems(d: Differ, a: JsonObject, b: JsonObject, at: Location, field: string | undefined): void {
  if (a.items === undefined && b.items === undefined) return;
  if (a.items === undefined || b.items === undefined) {
    d.emit(a.items === undefined ? "items-added" : "items-removed", at.side, { at }, { operation: at.op, field });
    return;
  }
  compareSchema(d, a.items, b.items, { ...at, path: [...at.path, "[]"] });
}
