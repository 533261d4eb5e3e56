// Unions (`anyOf`/`oneOf`). Members are matched by `$ref` name, else `title`, else position; a
// member added widens, removed narrows, and matched members are compared field by field (the
// place says "in the `X` variant"). A single type becoming a union that contains it widens.
import type { JsonObject } from "../../json.js";
import type { Location } from "../change.js";
import type { Differ } from "../differ.js";
import { compareSchema } from "./index.js";
import { typeRelation, typesOf } from "./type.js";
import { view } from "./view.js";

function memberKey(doc: unknown, member: unknown, index: number): unknown {
  const v = view(doc, member);
  return v.name ?? v.schema.title ?? `#${index + 1}`;
}

export function compareUnions(
  d: Differ,
  a: JsonObject,
  b: JsonObject,
  ua: unknown[] | undefined,
  ub: unknown[] | undefined,
  at: Location,
  field: string | undefined,
): void {
  const meta = { operation: at.op, field };
  if (ua && ub) {
    const ka = ua.map((member, index) => memberKey(d.a, member, index));
    const kb = ub.map((member, index) => memberKey(d.b, member, index));
    const added = kb.filter((key) => !ka.includes(key));
    const removed = ka.filter((key) => !kb.includes(key));
    if (added.length) d.emit("union-member-added", at.side, { at, members: added }, meta);
    if (removed.length) d.emit("union-member-removed", at.side, { at, members: removed }, meta);
    ka.forEach((key, index) => {
      const other = kb.indexOf(key);
      if (other < 0) return;
      const named = !/^#\d+$/.test(String(key));
      const variant = named ? String(key) : at.variant;
      const { variant: _, ...rest } = at;
      compareSchema(d, ua[index], ub[other], variant === undefined ? rest : { ...rest, variant });
    });
    return;
  }
  // One side is a union, the other a single schema: find the member of the same type.
  const single = ua ? b : a;
  const members = ua ?? ub ?? [];
  const doc = ua ? d.a : d.b;
  const types = typesOf(single);
  const index = members.findIndex((member) => typeRelation(typesOf(view(doc, member).schema), types) === "same");
  if (index < 0) {
    d.emit("type-changed", at.side, { at, union: ua ? "from-union" : "to-union" }, meta);
    return;
  }
  // The single schema is compared with the member it became (or came from); its description
  // is the union's, not the member's, so it is left out.
  const alone = { ...single, description: undefined };
  if (ub) {
    d.emit("union-member-added", at.side, { at }, meta);
    compareSchema(d, alone, members[index], at);
  } else {
    d.emit("union-member-removed", at.side, { at }, meta);
    compareSchema(d, members[index], alone, at);
  }
}
