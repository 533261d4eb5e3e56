// An operation's documentation, operationId and own servers (src/diff/operation-object.ts).
import { describe, expect, it } from "vitest";
import { describeCorpus } from "./corpus.js";
import { changesOf, document, OP, withPaths } from "./documents.js";
import { CASES } from "./operation-object.cases.js";

describe("an operation's documentation", () => describeCorpus(CASES));

const UNREFERENCED =
  "patch documentation (document): The vendor's document changed in ways that do not affect the client (documentation or unreferenced components).";

describe("an operation's operationId and servers, on small documents", () => {
  it("names a missing operationId `none`", () => {
    const renamed = (from: string, to: string) =>
      `major operation-id-changed (operation, ${OP}): The operationId of ${OP} changed from \`${from}\` to \`${to}\`, which renames its entry in the exported \`operations\` type.`;
    expect(changesOf(document({}), document({ operationId: "up" }))).toEqual([renamed("none", "up")]);
    expect(changesOf(document({ operationId: "up" }), document({}))).toEqual([renamed("up", "none")]);
  });

  it("reads the path item's servers where the operation has none of its own, and the operation's first", () => {
    const ok = { responses: { "200": { description: "ok" } } };
    const eu = [{ url: "https://eu.example" }];
    expect(changesOf(withPaths({ "/x": { patch: ok } }), withPaths({ "/x": { servers: eu, patch: ok } }))).toEqual([
      `minor server-added (document): The vendor now documents ${OP}'s own server URL https://eu.example, which becomes the default base URL.`,
    ]);
    const us = { ...ok, servers: [{ url: "https://us.example" }] };
    expect(
      changesOf(withPaths({ "/x": { servers: eu, patch: ok } }), withPaths({ "/x": { servers: eu, patch: us } })),
    ).toEqual([
      `minor server-changed (document): ${OP}'s own server URL changed from https://eu.example to https://us.example; clients without \`baseUrl\` now call https://us.example.`,
    ]);
  });

  it("calls an operation without servers of its own on the document's: its own removed or added is a change of URL", () => {
    const ok = { responses: { "200": { description: "ok" } } };
    const main = { servers: [{ url: "https://api.example" }] };
    const eu = { ...ok, servers: [{ url: "https://eu.example" }] };
    expect(changesOf(withPaths({ "/x": { patch: eu } }, main), withPaths({ "/x": { patch: ok } }, main))).toEqual([
      `minor server-changed (document): ${OP}'s own server URL changed from https://eu.example to https://api.example; clients without \`baseUrl\` now call https://api.example.`,
    ]);
    expect(changesOf(withPaths({ "/x": { patch: ok } }, main), withPaths({ "/x": { patch: eu } }, main))).toEqual([
      `minor server-changed (document): ${OP}'s own server URL changed from https://api.example to https://eu.example; clients without \`baseUrl\` now call https://eu.example.`,
    ]);
    // Without a default, its own removed leaves it none.
    expect(changesOf(withPaths({ "/x": { patch: eu } }), withPaths({ "/x": { patch: ok } }))).toEqual([
      `major server-removed (document): The vendor no longer documents ${OP}'s own server URL (was https://eu.example); \`baseUrl\` becomes required.`,
    ]);
    // An empty list of its own is none of its own.
    expect(
      changesOf(withPaths({ "/x": { patch: ok } }, main), withPaths({ "/x": { patch: { ...ok, servers: [] } } }, main)),
    ).toEqual([UNREFERENCED]);
    // A change of the default is the document's, said once.
    const other = { servers: [{ url: "https://api2.example" }] };
    expect(changesOf(withPaths({ "/x": { patch: ok } }, main), withPaths({ "/x": { patch: ok } }, other))).toEqual([
      "minor server-changed (document): The default server URL changed from https://api.example to https://api2.example; clients without `baseUrl` now call https://api2.example.",
    ]);
  });

  it("leaves a change to callbacks to the document as a whole", () => {
    expect(changesOf(document({ callbacks: { a: {} } }), document({ callbacks: { b: {} } }))).toEqual([UNREFERENCED]);
  });
});
