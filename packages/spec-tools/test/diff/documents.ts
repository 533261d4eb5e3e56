// Small documents for the tests that aim at one rule of the classifier: one operation, PATCH /x,
// with the request body, the 200 response body or the other parts a test gives it. The corpus
// (corpus.ts) checks the rules on the vendors' real documents; these reach the branches the
// vendors' documents do not have (a 3.0 exclusiveMinimum, a typed additionalProperties, ...).
import { diffSpecs } from "../../src/diff/index.js";
import { type Doc, describeChange, expectWellFormed } from "./corpus.js";

export const OP = "PATCH /x";

/** A document with these paths (path items). */
export const withPaths = (paths: Doc, rest: Doc = {}): Doc => ({
  openapi: "3.1.0",
  info: { title: "small", version: "1" },
  paths,
  ...rest,
});

/** A document whose only operation, PATCH /x, is `operation` (a 200 response without a body by default). */
export function document(operation: Doc = {}, rest: Doc = {}): Doc {
  return withPaths({ "/x": { patch: { responses: { "200": { description: "ok" } }, ...operation } } }, rest);
}

const json = (schema: unknown): Doc => ({ content: { "application/json": { schema } } });

/** An operation whose request body (side "request") or 200 response body (side "response") is `schema`. */
export function withBody(side: "request" | "response", schema: unknown): Doc {
  return side === "request"
    ? { requestBody: json(schema) }
    : { responses: { "200": { description: "ok", ...json(schema) } } };
}

/** The changes between two documents, each checked well formed, as `describeChange` writes them. */
export function changesOf(before: Doc, after: Doc): string[] {
  const { changes } = diffSpecs(before, after);
  expectWellFormed(changes);
  return changes.map(describeChange);
}

/** The changes of a body whose schema goes from `a` to `b`. */
export const bodyChanges = (side: "request" | "response", a: unknown, b: unknown): string[] =>
  changesOf(document(withBody(side, a)), document(withBody(side, b)));

/**
 * The changes of the field `n` of a body, whose schema goes from `a` to `b`: optional, or
 * required on both sides.
 */
export function fieldChanges(side: "request" | "response", a: unknown, b: unknown, required = false): string[] {
  const body = (schema: unknown) => ({
    type: "object",
    properties: { n: schema },
    ...(required ? { required: ["n"] } : {}),
  });
  return bodyChanges(side, body(a), body(b));
}
