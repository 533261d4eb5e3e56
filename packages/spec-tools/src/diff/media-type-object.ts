// The media types of a request or response body (`content`): one removed breaks, one added is
// compatible, and the schemas of those on both sides are compared.
import { objectOr } from "../json.js";
import type { Location, Subject } from "./change.js";
import type { Differ } from "./differ.js";
import { compareDocKeys } from "./docs.js";
import { compareSchema } from "./schema-object/index.js";

export function compareContent(d: Differ, ca: unknown, cb: unknown, at: Location, about: Subject): void {
  const a = objectOr(ca);
  const b = objectOr(cb);
  for (const mediaType of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!(mediaType in b)) d.emit("media-type-removed", at.side, { subject: about, mediaType }, { operation: at.op });
    else if (!(mediaType in a))
      d.emit("media-type-added", at.side, { subject: about, mediaType }, { operation: at.op });
    else {
      compareDocKeys(d, objectOr(a[mediaType]), objectOr(b[mediaType]), { side: at.side, op: at.op }, about);
      compareSchema(d, objectOr(a[mediaType]).schema, objectOr(b[mediaType]).schema, at);
    }
  }
}
