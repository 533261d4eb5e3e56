// The responses of an operation. The generated `UpdatePhoneNumberResponse` is the body of the
// success response, so a success status that changes (200 → 201) breaks even with the same
// body; error responses added or removed are compatible.
import { objectOr } from "../json.js";
import { deref } from "../openapi/ref.js";
import type { Location } from "./change.js";
import type { Differ } from "./differ.js";
import { compareDocKeys } from "./docs.js";
import { compareResponseHeaders } from "./header-object.js";
import { compareContent } from "./media-type-object.js";

const isSuccess = (code: string): boolean => /^2/.test(code);
const hasBody = (doc: unknown, response: unknown): boolean =>
  Object.keys(objectOr(objectOr(deref(doc, response)).content)).length > 0;

export function compareResponses(d: Differ, rawA: unknown, rawB: unknown, op: string): void {
  const ra = objectOr(rawA);
  const rb = objectOr(rawB);
  const meta = { operation: op };
  for (const code of Object.keys(ra)) {
    if (code in rb) {
      const a = objectOr(deref(d.a, ra[code]));
      const b = objectOr(deref(d.b, rb[code]));
      const at: Location = { op, side: "response", status: code, path: [] };
      compareDocKeys(d, a, b, { side: "response", op }, { at: "response", op, status: code });
      if (isSuccess(code) && hasBody(d.a, a) && !hasBody(d.b, b)) {
        d.emit("success-body-removed", "response", { op, status: code }, meta);
        continue;
      }
      compareContent(d, a.content, b.content, at, { at: "response-body", op, status: code });
      compareResponseHeaders(d, a.headers, b.headers, at);
      continue;
    }
    if (!isSuccess(code)) {
      d.emit("error-response-removed", "response", { op, status: code }, meta);
      continue;
    }
    const moved = Object.keys(rb).find((other) => isSuccess(other) && !(other in ra));
    if (!moved) {
      d.emit("success-response-removed", "response", { op, status: code }, meta);
      continue;
    }
    const toHasBody = hasBody(d.b, rb[moved]);
    d.emit("success-status-changed", "response", { op, from: code, to: moved, toHasBody }, meta);
    if (toHasBody) {
      const a = objectOr(deref(d.a, ra[code]));
      const b = objectOr(deref(d.b, rb[moved]));
      compareContent(
        d,
        a.content,
        b.content,
        { op, side: "response", status: moved, path: [] },
        {
          at: "response-body",
          op,
          status: moved,
        },
      );
    }
  }
  for (const code of Object.keys(rb)) {
    if (code in ra) continue;
    // A new success status replacing a removed one is reported above, as a status change.
    if (isSuccess(code) && Object.keys(ra).some((other) => isSuccess(other) && !(other in rb))) continue;
    d.emit(isSuccess(code) ? "success-response-added" : "error-response-added", "response", { op, status: code }, meta);
  }
}
