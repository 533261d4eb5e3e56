// Operations added, removed, moved; path parameters renamed (src/diff/paths-object.ts).
import { describe, expect, it } from "vitest";
import { describeCorpus } from "./corpus.js";
import { changesOf, withPaths } from "./documents.js";
import { CASES } from "./paths-object.cases.js";

describe("operations added, removed, moved; path parameters renamed", () => describeCorpus(CASES));

describe("operations matched across paths, on small documents", () => {
  const ok = { responses: { "200": { description: "ok" } } };
  const param = (name: string, type = "string") => ({ in: "path", name, required: true, schema: { type } });
  const at = (path: string, method: string, operation: object) =>
    withPaths({ [path]: { [method]: { ...ok, ...operation } } });

  it("names only the path parameters that were renamed", () => {
    const before = at("/a/{x}/{y}", "patch", { parameters: [param("x"), param("y")] });
    const after = at("/a/{x}/{zed}", "patch", { parameters: [param("x"), param("zed")] });
    expect(changesOf(before, after)).toEqual([
      "major path-parameter-renamed (operation, PATCH /a/{x}/{y}, renamed to PATCH /a/{x}/{zed}): The path parameter `y` of PATCH /a/{x}/{y} was renamed to `zed`; code that passes it by name must use the new name.",
    ]);
  });

  it("compares a renamed path parameter with its new self", () => {
    const before = at("/a/{id}", "patch", { parameters: [param("id")] });
    const after = at("/a/{key}", "patch", { parameters: [param("key", "integer")] });
    expect(changesOf(before, after)).toEqual([
      "major path-parameter-renamed (operation, PATCH /a/{id}, renamed to PATCH /a/{key}): The path parameter `id` of PATCH /a/{id} was renamed to `key`; code that passes it by name must use the new name.",
      "major type-changed (request, PATCH /a/{key}): The type of the path parameter `id` of PATCH /a/{key} changed from string to integer.",
    ]);
  });

  it("says whether the method, the path or both of an operation moved", () => {
    expect(changesOf(at("/a", "patch", { operationId: "up" }), at("/b", "put", { operationId: "up" }))).toEqual([
      "major operation-moved (operation, PATCH /a, renamed to PUT /b): The method and path of operation `up` changed from PATCH /a to PUT /b; code that calls the old method and path must change.",
    ]);
  });

  it("pairs the path parameters of a moved operation by position when they are as many", () => {
    const before = at("/a/{id}", "patch", { operationId: "up", parameters: [param("id")] });
    expect(
      changesOf(before, at("/b/{key}", "patch", { operationId: "up", parameters: [param("key", "integer")] })),
    ).toEqual([
      "major operation-moved (operation, PATCH /a/{id}, renamed to PATCH /b/{key}): The path of operation `up` changed from PATCH /a/{id} to PATCH /b/{key}; code that calls the old path must change.",
      "major type-changed (request, PATCH /b/{key}): The type of the path parameter `id` of PATCH /b/{key} changed from string to integer.",
    ]);
    const more = at("/b/{key}/{x}", "patch", { operationId: "up", parameters: [param("key", "integer"), param("x")] });
    expect(changesOf(before, more)).toEqual([
      "major operation-moved (operation, PATCH /a/{id}, renamed to PATCH /b/{key}/{x}): The path of operation `up` changed from PATCH /a/{id} to PATCH /b/{key}/{x}; code that calls the old path must change.",
    ]);
  });
});
