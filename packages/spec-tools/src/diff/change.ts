// What the classifier reports: one Change per difference between two effective specs, judged
// from the client's side (docs/spec-changes.md#specsdiff). A change carries its kind; the bump
// comes from the rule table (rules.ts) and the sentence from the sentences (sentences.ts).

export type Bump = "patch" | "minor" | "major";
export const BUMPS: readonly Bump[] = ["patch", "minor", "major"];

/** The largest bump, or undefined when there is none. */
export function maxBump(...bumps: readonly (Bump | undefined)[]): Bump | undefined {
  let max: Bump | undefined;
  for (const bump of bumps) if (bump && (max === undefined || BUMPS.indexOf(bump) > BUMPS.indexOf(max))) max = bump;
  return max;
}

/**
 * Where a change is. `request`: what the client sends (body, parameters); `response`: what it
 * reads; `operation`: the call itself (method, path, auth, operationId); `document`: the whole
 * document (servers, info).
 */
export type Side = "request" | "response" | "operation" | "document";

/** A place in a request or response body, a parameter's schema or a response header. */
export interface Location {
  /** The operation, as `METHOD /path`. */
  op: string;
  side: "request" | "response";
  /** The response status, on the response side. */
  status?: string;
  /** Field names down to the place; `[]` for array items, `*` for additional properties. */
  path: string[];
  /** A parameter, or a response header (`in: "response header"`). */
  param?: { in: string; name: string };
  /** The union member the place is in. */
  variant?: string;
  /** The field at the end of `path` is optional (matters for defaults in responses). */
  optional?: boolean;
}

/** What a documentation-only or unclassified change is about. */
export type Subject =
  | { at: "schema"; location: Location }
  | { at: "operation"; op: string }
  | { at: "request-body"; op: string }
  | { at: "response"; op: string; status: string }
  | { at: "response-body"; op: string; status: string }
  | { at: "parameter"; op: string; in: string; name: string };

export type Constraint =
  | { style: "bound" | "exact"; keyword: string; from?: unknown; to?: unknown }
  | { style: "unique"; now: boolean };

export type Documentation =
  | { what: "keys"; subject: Subject; keys: string[] }
  | { what: "default"; subject: Subject; from?: unknown; to?: unknown }
  | { what: "server-descriptions" }
  | { what: "openapi-version"; from: unknown; to: unknown }
  | { what: "api-version"; from: unknown; to: unknown }
  | { what: "info" }
  | { what: "document-key"; key: string }
  | { what: "unreferenced" }
  | { what: "count"; count: number };

type At = { at: Location };
type Op = { op: string };
type Param = { op: string; in: string; name: string };
type Status = { op: string; status: string };
type Servers = { whose: string };

/** For each kind of change, what its sentence is made from. The kinds are this map's keys. */
export interface Details {
  "nullable-added": At;
  "nullable-removed": At;
  "type-changed": At & { from?: string; to?: string; union?: "from-union" | "to-union" };
  "type-widened": At & { from: string; to: string };
  "type-narrowed": At & { from: string; to: string };
  "items-added": At;
  "items-removed": At;
  /** `members` absent: a single type became a union. */
  "union-member-added": At & { members?: unknown[] };
  /** `members` absent: a union became a single type. */
  "union-member-removed": At & { members?: unknown[] };
  "enum-added": At & { values: unknown[] };
  "enum-removed": At & { values: unknown[] };
  "enum-value-added": At & { values: unknown[] };
  "enum-value-removed": At & { values: unknown[] };
  "constraint-narrowed": At & { constraint: Constraint };
  "constraint-widened": At & { constraint: Constraint };
  "constraint-changed": At & { constraint: Constraint };
  "access-changed": At & { keyword: string; now: boolean };
  "default-added": At & { value: unknown };
  "default-removed": At;
  "additional-properties-closed": At;
  "additional-properties-opened": At;
  "additional-properties-narrowed": At;
  "additional-properties-widened": At;
  "field-renamed": At & { from: string; to: string };
  "field-removed": At;
  "field-added-required": At;
  "field-added-optional": At;
  "field-newly-required": At;
  "field-no-longer-required": At;
  "path-parameter-renamed": Op & { renamed: [string, string | undefined][] };
  "operation-moved": Op & { to: string; operationId: string; what: string };
  "operation-removed": Op;
  "operation-added": Op;
  "operation-id-changed": Op & { from?: string; to?: string };
  "auth-changed": Op & { from: string; to: string };
  "auth-added": Op & { to: string };
  "auth-optional-added": Op & { to: string };
  "auth-removed": Op & { from: string; stillAccepted: boolean };
  "server-added": Servers & { to: string };
  "server-removed": Servers & { from: string };
  "server-changed": Servers & { from: string; to: string };
  "other-servers-changed": Servers & { url: string | undefined };
  "required-header-added": Param & ({ how: "added"; values?: unknown[] } | { how: "became-required" });
  "required-header-removed": Param & { how: "removed" | "no-longer-required" };
  "parameter-added-required": Param & { values?: unknown[] };
  "parameter-added-optional": Param;
  "parameter-removed": Param;
  "parameter-newly-required": Param;
  "parameter-no-longer-required": Param;
  "request-body-added-required": Op;
  "request-body-added": Op;
  "request-body-removed": Op;
  "request-body-newly-required": Op;
  "request-body-no-longer-required": Op;
  "media-type-added": { subject: Subject; mediaType: string };
  "media-type-removed": { subject: Subject; mediaType: string };
  "success-response-added": Status;
  "success-response-removed": Status;
  "success-status-changed": Op & { from: string; to: string; toHasBody: boolean };
  "success-body-removed": Status;
  "error-response-added": Status;
  "error-response-removed": Status;
  "response-header-added": At;
  "response-header-removed": At;
  "response-header-newly-required": At;
  "response-header-no-longer-required": At;
  deprecated: { subject: Subject };
  documentation: Documentation;
  /** A spec file changed without changing the effective spec: the vendor's or phonebridge's. */
  "no-api-change": { cause: "vendor-document" | "phonebridge-files" };
  /** Keys no module understands changed; or, with `reason`, a document that cannot be read (a `$ref` to nothing). */
  unclassified: { subject: Subject; keys: string[] } | { reason: string };
}

export type Kind = keyof Details;

export interface Change {
  bump: Bump;
  side: Side;
  kind: Kind;
  operation?: string;
  field?: string;
  /** The new name, for a renamed field, a moved operation or a renamed path parameter. */
  renamedTo?: string;
  /** The removed or renamed field was required. */
  wasRequired?: boolean;
  sentence: string;
  /** Set when the change comes from oasdiff's report (oasdiff/cross-check.ts), not the classifier. */
  oasdiff?: { id: string; text: string };
}
