// The rule table: for every kind of change, the bump it needs when it is on the request side
// (what the client sends, or how it calls: the operation itself, auth, servers) and when it is
// on the response side (what the client reads). This is the only place a bump is decided: the
// classifier's modules name a kind, and `bumpOf` looks it up. docs/spec-changes.md and
// docs/CONTRACT.md#spec-changes-specsdiff-from-the-clients-side render their tables from it
// (docs/table.ts), and a test keeps them equal.
import type { Bump, Kind, Side } from "./change.js";

export type Column = "request" | "response";

/** The rows of CONTRACT.md's summary table, in its order. */
export const SUMMARY_ROWS = [
  "operation removed; method or path changed; path parameter renamed",
  "auth added or its scheme changed; required header added or its allowed values narrowed",
  "auth removed; required header removed or its allowed values widened",
  "default server URL removed",
  "default server URL added or changed",
  "success response removed or its status changed to one without the body",
  "field removed",
  "field added, optional",
  "field added, required",
  "field newly required",
  "field no longer required",
  "type changed to an unrelated type",
  "type, enum or constraint narrowed",
  "type, enum or constraint widened; union member added",
  "nullable added",
  "nullable removed",
  "operation added; error response added or removed",
  "description, summary, title, example, code sample only",
] as const;

export type SummaryRow = (typeof SUMMARY_ROWS)[number];

export interface Rule {
  /** The change, as the full table in docs/spec-changes.md says it. */
  what: string;
  /** The bump on the request side; absent where the change cannot be on that side. */
  request?: Bump;
  /** The bump on the response side; absent where the change cannot be on that side. */
  response?: Bump;
  /** The row of CONTRACT.md's summary table the kind falls under, if any. */
  summary?: SummaryRow;
}

const both = (bump: Bump) => ({ request: bump, response: bump });
/** The client may send less / reads less than before. */
const narrowed = { request: "major", response: "minor" } as const;
/** The client may send more / reads more than before. */
const widened = { request: "minor", response: "major" } as const;

export const RULES: Record<Kind, Rule> = {
  // Operations.
  "operation-removed": { what: "operation removed", request: "major", summary: SUMMARY_ROWS[0] },
  "operation-moved": {
    what: "method or path changed (same operationId elsewhere)",
    request: "major",
    summary: SUMMARY_ROWS[0],
  },
  "path-parameter-renamed": { what: "path parameter renamed", request: "major", summary: SUMMARY_ROWS[0] },
  "operation-added": { what: "operation added", request: "minor", summary: SUMMARY_ROWS[16] },
  "operation-id-changed": {
    what: "operationId changed (renames the entry of the exported `operations` type)",
    request: "major",
  },
  // Auth and required headers.
  "auth-added": { what: "auth added (none or optional → required)", request: "major", summary: SUMMARY_ROWS[1] },
  "auth-changed": {
    what: "auth scheme changed (bearer, API key header, basic, or another header name)",
    request: "major",
    summary: SUMMARY_ROWS[1],
  },
  "auth-optional-added": { what: "an optional key accepted where there was no auth", request: "minor" },
  "auth-removed": { what: "auth no longer required", request: "minor", summary: SUMMARY_ROWS[2] },
  "required-header-added": {
    what: "required header added, or a header parameter becomes required",
    request: "major",
    summary: SUMMARY_ROWS[1],
  },
  "required-header-removed": {
    what: "required header removed, or no longer required (the client stops sending it)",
    request: "minor",
    summary: SUMMARY_ROWS[2],
  },
  // Servers.
  "server-removed": { what: "default server URL removed", request: "major", summary: SUMMARY_ROWS[3] },
  "server-added": { what: "default server URL added", request: "minor", summary: SUMMARY_ROWS[4] },
  "server-changed": { what: "default server URL changed", request: "minor", summary: SUMMARY_ROWS[4] },
  "other-servers-changed": { what: "servers other than the first (the default) changed", request: "patch" },
  // Parameters and request bodies.
  "parameter-removed": { what: "parameter removed (other than a required header)", request: "major" },
  "parameter-added-optional": { what: "optional parameter added", request: "minor" },
  "parameter-added-required": { what: "required parameter added (other than a header)", request: "major" },
  "parameter-newly-required": { what: "parameter becomes required (other than a header)", request: "major" },
  "parameter-no-longer-required": { what: "parameter no longer required (other than a header)", request: "minor" },
  "request-body-added": { what: "optional request body added", request: "minor" },
  "request-body-added-required": { what: "required request body added", request: "major" },
  "request-body-removed": { what: "request body removed", request: "major" },
  "request-body-newly-required": { what: "request body becomes required", request: "major" },
  "request-body-no-longer-required": { what: "request body no longer required", request: "minor" },
  "media-type-added": { what: "media type added to a body", ...both("minor") },
  "media-type-removed": { what: "media type removed from a body", ...both("major") },
  // Responses.
  "success-response-removed": { what: "success response removed", response: "major", summary: SUMMARY_ROWS[5] },
  "success-status-changed": {
    what: "success status changed (200 → 201, or 200 → 204), with or without the body",
    response: "major",
    summary: SUMMARY_ROWS[5],
  },
  "success-body-removed": {
    what: "success response no longer has a body",
    response: "major",
    summary: SUMMARY_ROWS[5],
  },
  "success-response-added": { what: "success response added (no other one removed)", response: "minor" },
  "error-response-added": { what: "error response added", response: "minor", summary: SUMMARY_ROWS[16] },
  "error-response-removed": { what: "error response removed", response: "minor", summary: SUMMARY_ROWS[16] },
  "response-header-added": { what: "response header added", response: "minor" },
  "response-header-removed": { what: "response header removed", response: "major" },
  "response-header-newly-required": { what: "response header now always sent", response: "minor" },
  "response-header-no-longer-required": { what: "response header may now be absent", response: "major" },
  // Fields of bodies and schemas.
  "field-removed": { what: "field removed", ...both("major"), summary: SUMMARY_ROWS[6] },
  "field-renamed": {
    what: "field renamed (a field removed and one added with the same schema and requiredness)",
    ...both("major"),
    summary: SUMMARY_ROWS[6],
  },
  "field-added-optional": { what: "field added, optional", ...both("minor"), summary: SUMMARY_ROWS[7] },
  "field-added-required": {
    what: "field added, required",
    request: "major",
    response: "minor",
    summary: SUMMARY_ROWS[8],
  },
  "field-newly-required": {
    what: "field newly required",
    request: "major",
    response: "minor",
    summary: SUMMARY_ROWS[9],
  },
  "field-no-longer-required": {
    what: "field no longer required",
    request: "minor",
    response: "major",
    summary: SUMMARY_ROWS[10],
  },
  // Types.
  "type-changed": {
    what: "type changed to an unrelated type (`string` → `integer`; a union with no member of the old type)",
    ...both("major"),
    summary: SUMMARY_ROWS[11],
  },
  "type-narrowed": {
    what: "type narrowed (`number` → `integer`, a type removed from a list, a type where there was none)",
    ...narrowed,
    summary: SUMMARY_ROWS[12],
  },
  "type-widened": {
    what: "type widened (`integer` → `number`, a type added to a list, the type dropped)",
    ...widened,
    summary: SUMMARY_ROWS[13],
  },
  "union-member-added": {
    what: "union member added, or a single type becomes a union containing it",
    ...widened,
    summary: SUMMARY_ROWS[13],
  },
  "union-member-removed": {
    what: "union member removed, or a union becomes one of its members",
    ...narrowed,
    summary: SUMMARY_ROWS[12],
  },
  "items-added": { what: "array items typed where they were not", ...narrowed },
  "items-removed": { what: "array items no longer typed", ...widened },
  "nullable-added": { what: "nullable added", ...widened, summary: SUMMARY_ROWS[14] },
  "nullable-removed": { what: "nullable removed", ...narrowed, summary: SUMMARY_ROWS[15] },
  // Enums.
  "enum-added": { what: "enum added where there was none", ...narrowed, summary: SUMMARY_ROWS[12] },
  "enum-removed": { what: "enum dropped", ...widened, summary: SUMMARY_ROWS[13] },
  "enum-value-added": { what: "enum value added", ...widened, summary: SUMMARY_ROWS[13] },
  "enum-value-removed": { what: "enum value removed", ...narrowed, summary: SUMMARY_ROWS[12] },
  // Constraints.
  "constraint-narrowed": {
    what: "constraint narrowed (a larger lower or smaller upper bound; `pattern`, `format`, `multipleOf` or `uniqueItems` added)",
    ...narrowed,
    summary: SUMMARY_ROWS[12],
  },
  "constraint-widened": {
    what: "constraint widened (the reverse)",
    ...widened,
    summary: SUMMARY_ROWS[13],
  },
  "constraint-changed": { what: "`pattern`, `format` or `multipleOf` changed", ...both("major") },
  "access-changed": { what: "`readOnly` or `writeOnly` toggled", ...both("major") },
  "additional-properties-closed": { what: "`additionalProperties: false` added", ...narrowed },
  "additional-properties-opened": { what: "`additionalProperties: false` removed", ...widened },
  "additional-properties-narrowed": {
    what: "the extra fields allowed narrowed (an open object gets a typed `additionalProperties`)",
    ...narrowed,
  },
  "additional-properties-widened": {
    what: "the extra fields allowed widened (a typed `additionalProperties` dropped)",
    ...widened,
  },
  // Defaults: openapi-typescript makes an optional response property with a `default`
  // non-optional, so on the response side they change the generated type
  // (docs/spec-changes.md#how-the-classifier-recognizes-changes).
  "default-added": {
    what: "default added to an optional response field (the type makes it present)",
    response: "minor",
  },
  "default-removed": {
    what: "default removed from an optional response field (the type makes it optional)",
    response: "major",
  },
  // Documentation, and what no rule covers.
  documentation: {
    what: "description, summary, title, example(s), external docs, tags, `x-*` extensions such as code samples, `info`, the OpenAPI version, a default on the request side, components no operation uses",
    ...both("patch"),
    summary: SUMMARY_ROWS[17],
  },
  deprecated: { what: "deprecated", ...both("patch") },
  "no-api-change": {
    what: "a spec file changed without changing the effective spec (the vendor made a fix an overlay made; vendor.yaml)",
    ...both("patch"),
  },
  unclassified: {
    what: "anything else (an unknown keyword changed; an oasdiff finding no rule covers): treated as breaking until a person reviews it",
    ...both("major"),
  },
};

export const column = (side: Side): Column => (side === "response" ? "response" : "request");

/** The bump a change of `kind` needs on `side`, from the table (nowhere else). */
export function bumpOf(kind: Kind, side: Side): Bump {
  const rule = RULES[kind];
  const bump = rule[column(side)];
  if (bump === undefined) throw new Error(`the rule table has no ${column(side)}-side bump for "${kind}"`);
  return bump;
}
