// How every module reports a change (src/diff/differ.ts): the bump from the rule table, the
// sentence from the sentences, and only the facts the change has.
import { describe, expect, it } from "vitest";
import { Differ } from "../../src/diff/differ.js";
import { bumpOf } from "../../src/diff/rules.js";

describe("a reported change", () => {
  it("takes its bump from the rule table for its side, and carries only the facts given", () => {
    const d = new Differ({}, {});
    d.emit("server-removed", "document", { whose: "the default", from: "https://a.example" });
    d.emit(
      "field-renamed",
      "response",
      { at: { op: "PATCH /x", side: "response", status: "200", path: ["a"] }, from: "a", to: "b" },
      { operation: "PATCH /x", field: "a", renamedTo: "b", wasRequired: false },
    );
    expect(d.changes).toStrictEqual([
      {
        bump: bumpOf("server-removed", "document"),
        side: "document",
        kind: "server-removed",
        sentence:
          "The vendor no longer documents the default server URL (was https://a.example); `baseUrl` becomes required.",
      },
      {
        bump: "major",
        side: "response",
        kind: "field-renamed",
        operation: "PATCH /x",
        field: "a",
        renamedTo: "b",
        wasRequired: false,
        sentence: "The response (200) field `a` of PATCH /x was renamed to `b`; code that reads `a` must read `b`.",
      },
    ]);
    expect(d.stack).toEqual([]);
  });
});
