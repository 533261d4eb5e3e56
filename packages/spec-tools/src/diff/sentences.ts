// The sentence of each kind of change, for a user of the generated client: what changed and,
// where it breaks code, what code. The classifier's modules never write text; they name a kind
// and give the details (change.ts), and this module phrases them.
import type { Details, Documentation, Kind, Location, Side, Subject } from "./change.js";

export const capitalize = (text: string): string => (text ? (text[0] ?? "").toUpperCase() + text.slice(1) : text);

const quote = (value: unknown): string => `\`${typeof value === "string" ? value : JSON.stringify(value)}\``;
const list = (values: readonly unknown[]): string => values.map(quote).join(", ");
const plural = (values: readonly unknown[], one: string, many: string): string => (values.length === 1 ? one : many);

const DOC_WORDS: Record<string, string> = {
  "x-codeSamples": "code samples",
  "x-code-samples": "code samples",
  externalDocs: "external docs",
  deprecated: "deprecation",
};
const docWord = (key: string): string => DOC_WORDS[key] ?? key;

/** Where in a request or response a location is: "the request field `a.b` of PATCH /x". */
export function where(at: Location): string {
  const variant = at.variant ? ` (in the \`${at.variant}\` variant)` : "";
  if (at.param?.in === "response header") return `the response (${at.status}) header \`${at.param.name}\` of ${at.op}`;
  if (at.param) {
    const path = at.path.length ? ` \`${at.path.join(".")}\`` : "";
    return `the ${at.param.in} parameter \`${at.param.name}\`${path ? ` (at${path})` : ""} of ${at.op}`;
  }
  const what = at.side === "request" ? "request" : `response (${at.status})`;
  if (!at.path.length) return `the ${what} body${variant} of ${at.op}`;
  return `the ${what} field \`${at.path.join(".").replace(/\.\[\]/g, "[]")}\`${variant} of ${at.op}`;
}

export function subject(s: Subject): string {
  switch (s.at) {
    case "schema":
      return where(s.location);
    case "operation":
      return `operation ${s.op}`;
    case "request-body":
      return `the request body of ${s.op}`;
    case "response":
      return `the ${s.status} response of ${s.op}`;
    case "response-body":
      return `the ${s.status} response body of ${s.op}`;
    case "parameter":
      return `the ${s.in} parameter \`${s.name}\` of ${s.op}`;
  }
}

const W = (d: { at: Location }): string => capitalize(where(d.at));
const param = (d: { op: string; in: string; name: string }): string => capitalize(subject({ at: "parameter", ...d }));
const allowed = (values: readonly unknown[] | undefined): string => (values ? ` (allowed: ${list(values)})` : "");
const defaultValue = (value: unknown): string => (value === undefined ? "none" : `\`${JSON.stringify(value)}\``);

function documentation(d: Documentation): string {
  switch (d.what) {
    case "keys":
      return `The ${d.keys.map(docWord).join(", ")} of ${subject(d.subject)} changed (documentation only).`;
    case "default":
      return `The default of ${subject(d.subject)} changed from ${defaultValue(d.from)} to ${defaultValue(d.to)}.`;
    case "server-descriptions":
      return "The description of the server URLs changed (documentation only).";
    case "openapi-version":
      return `The document's OpenAPI version changed from ${d.from} to ${d.to}.`;
    case "api-version":
      return `The vendor's API version label changed from ${d.from} to ${d.to}.`;
    case "info":
      return "The document's title, description, contact or license changed (documentation only).";
    case "document-key":
      return `The document's ${d.key} changed (documentation only).`;
    case "unreferenced":
      return "The vendor's document changed in ways that do not affect the client (documentation or unreferenced components).";
    case "count":
      return `Descriptions, summaries, examples or code samples changed in ${d.count} places (documentation only).`;
  }
}

function constraintText(d: Details["constraint-narrowed"]): string {
  const c = d.constraint;
  if (c.style === "unique") return `${W(d)} ${c.now ? "must now hold unique items" : "may now hold repeated items"}.`;
  const [open, close] = c.style === "exact" ? ["`", "`"] : ["", ""];
  const named = c.style === "exact" ? `the ${c.keyword}` : `the limit ${c.keyword}`;
  if (c.from === undefined) return `${W(d)} gained ${named} ${open}${c.to}${close}.`;
  if (c.to === undefined) return `${W(d)} lost ${named} ${open}${c.from}${close}.`;
  return `The ${c.keyword} of ${where(d.at)} changed from ${open}${c.from}${close} to ${open}${c.to}${close}.`;
}

type Sentences = { [K in Kind]: (detail: Details[K], side: Side) => string };

const SENTENCES: Sentences = {
  "nullable-added": (d, side) =>
    side === "request"
      ? `${W(d)} now accepts \`null\`.`
      : `${W(d)} can now be \`null\`; code that reads it must handle \`null\`.`,
  "nullable-removed": (d, side) =>
    side === "request"
      ? `${W(d)} no longer accepts \`null\`; code that sends \`null\` there must change.`
      : `${W(d)} is no longer \`null\`.`,
  "type-changed": (d) =>
    d.union
      ? `The type of ${where(d.at)} changed ${d.union === "from-union" ? "from a union to a single type" : "from a single type to a union"} with no common member.`
      : `The type of ${where(d.at)} changed from ${d.from} to ${d.to}.`,
  "type-widened": (d, side) =>
    `The type of ${where(d.at)} widened from ${d.from} to ${d.to}${side === "response" ? "; code that reads it must handle the new type" : ""}.`,
  "type-narrowed": (d, side) =>
    `The type of ${where(d.at)} narrowed from ${d.from} to ${d.to}${side === "request" ? "; code that sends other types there must change" : ""}.`,
  "items-added": (d) => `The items of ${where(d.at)} are now typed.`,
  "items-removed": (d) => `The items of ${where(d.at)} are no longer typed.`,
  "union-member-added": (d, side) =>
    d.members
      ? `${W(d)} ${side === "request" ? "accepts" : "can now be"} the new ${plural(d.members, "variant", "variants")} ${list(d.members)}${side === "response" ? "; exhaustive code over its variants must handle it" : ""}.`
      : `${W(d)} ${side === "request" ? "accepts" : "can now be"} more types than before (it became a union)${side === "response" ? "; code that reads it must handle the new types" : ""}.`,
  "union-member-removed": (d, side) =>
    d.members
      ? `${W(d)} ${side === "request" ? "no longer accepts" : "is no longer"} the ${plural(d.members, "variant", "variants")} ${list(d.members)}.`
      : `${W(d)} ${side === "request" ? "accepts" : "can be"} fewer types than before (it is no longer a union).`,
  "enum-added": (d) => `${W(d)} is now limited to ${list(d.values)}.`,
  "enum-removed": (d) => `${W(d)} is no longer limited to ${list(d.values)}.`,
  "enum-value-added": (d, side) =>
    side === "response"
      ? `${W(d)} can now be ${list(d.values)}; code that switches over its values must handle ${plural(d.values, "it", "them")}.`
      : `${W(d)} now also accepts ${list(d.values)}.`,
  "enum-value-removed": (d, side) =>
    side === "request"
      ? `${W(d)} no longer accepts ${list(d.values)}; code that sends ${plural(d.values, "it", "them")} must change.`
      : `${W(d)} is no longer ${list(d.values)}.`,
  "constraint-narrowed": constraintText,
  "constraint-widened": constraintText,
  "constraint-changed": constraintText,
  "access-changed": (d) => `${W(d)} ${d.now ? "became" : "is no longer"} ${d.keyword}.`,
  "default-added": (d) =>
    `${W(d)} now has a default (\`${JSON.stringify(d.value)}\`), so the generated type always has it.`,
  "default-removed": (d) =>
    `${W(d)} lost its default, so the generated type makes it optional; code that reads it must handle its absence.`,
  "additional-properties-closed": (d) => `${W(d)} no longer accepts fields it does not declare.`,
  "additional-properties-opened": (d) => `${W(d)} now allows fields it does not declare.`,
  "additional-properties-narrowed": (d) => `The extra fields allowed in ${where(d.at)} changed.`,
  "additional-properties-widened": (d) => `The extra fields allowed in ${where(d.at)} changed.`,
  "field-renamed": (d, side) =>
    side === "request"
      ? `${W(d)} was renamed to \`${d.to}\`; code that sets \`${d.from}\` must use \`${d.to}\`.`
      : `${W(d)} was renamed to \`${d.to}\`; code that reads \`${d.from}\` must read \`${d.to}\`.`,
  "field-removed": (d, side) =>
    `${W(d)} was removed; code that ${side === "request" ? "sets" : "reads"} it no longer compiles.`,
  "field-added-required": (d, side) =>
    side === "request" ? `${W(d)} was added and is required; every call must now set it.` : `${W(d)} was added.`,
  "field-added-optional": (d) => `${W(d)} was added (optional).`,
  "field-newly-required": (d, side) =>
    side === "request" ? `${W(d)} is now required; every call must set it.` : `${W(d)} is now always present.`,
  "field-no-longer-required": (d, side) =>
    side === "request"
      ? `${W(d)} is no longer required.`
      : `${W(d)} may now be absent; code that reads it must handle \`undefined\`.`,
  "path-parameter-renamed": (d) =>
    `The path parameter ${d.renamed.map(([from, to]) => `\`${from}\` of ${d.op} was renamed to \`${to}\``).join(", ")}; code that passes it by name must use the new name.`,
  "operation-moved": (d) =>
    `The ${d.what} of operation \`${d.operationId}\` changed from ${d.op} to ${d.to}; code that calls the old ${d.what} must change.`,
  "operation-removed": (d) => `The operation ${d.op} was removed; code that calls it no longer compiles.`,
  "operation-added": (d) => `The new operation ${d.op} was added.`,
  "operation-id-changed": (d) =>
    `The operationId of ${d.op} changed from \`${d.from ?? "none"}\` to \`${d.to ?? "none"}\`, which renames its entry in the exported \`operations\` type.`,
  "auth-changed": (d) =>
    `The authentication of ${d.op} changed from ${d.from} to ${d.to}; keys sent the old way are rejected.`,
  "auth-added": (d) => `${d.op} now requires authentication (${d.to}); calls without a key fail.`,
  "auth-optional-added": (d) => `${d.op} now accepts an optional key (${d.to}).`,
  "auth-removed": (d) =>
    `${d.op} no longer requires authentication (was ${d.from}${d.stillAccepted ? "; a key is still accepted" : ""}).`,
  "server-added": (d) => `The vendor now documents ${d.whose} server URL ${d.to}, which becomes the default base URL.`,
  "server-removed": (d) =>
    `The vendor no longer documents ${d.whose} server URL (was ${d.from}); \`baseUrl\` becomes required.`,
  "server-changed": (d) =>
    `${capitalize(d.whose)} server URL changed from ${d.from} to ${d.to}; clients without \`baseUrl\` now call ${d.to}.`,
  "other-servers-changed": (d) => `The vendor's list of other server URLs changed (${d.whose} server stays ${d.url}).`,
  "required-header-added": (d) =>
    d.how === "added"
      ? `${d.op} now requires the ${d.in} parameter \`${d.name}\`${allowed(d.values)}; requests without it are rejected.`
      : `${param(d)} is now required; requests without it are rejected.`,
  "required-header-removed": (d) =>
    d.how === "removed"
      ? `The required header \`${d.name}\` of ${d.op} was removed; the client no longer sends it.`
      : `${param(d)} is no longer required.`,
  "parameter-added-required": (d) =>
    `${d.op} now requires the ${d.in} parameter \`${d.name}\`${allowed(d.values)}; requests without it are rejected.`,
  "parameter-added-optional": (d) => `${d.op} accepts the new optional ${d.in} parameter \`${d.name}\`.`,
  "parameter-removed": (d) => `${param(d)} was removed; code that sets it no longer compiles.`,
  "parameter-newly-required": (d) => `${param(d)} is now required; every call must set it.`,
  "parameter-no-longer-required": (d) => `${param(d)} is no longer required.`,
  "request-body-added-required": (d) => `${d.op} now requires a request body.`,
  "request-body-added": (d) => `${d.op} now accepts a request body.`,
  "request-body-removed": (d) => `${d.op} no longer takes a request body; code that sends one no longer compiles.`,
  "request-body-newly-required": (d) => `The request body of ${d.op} is now required.`,
  "request-body-no-longer-required": (d) => `The request body of ${d.op} is no longer required.`,
  "media-type-added": (d) => `${capitalize(subject(d.subject))} can now also be ${d.mediaType}.`,
  "media-type-removed": (d) => `${capitalize(subject(d.subject))} is no longer ${d.mediaType}.`,
  "success-response-added": (d) => `${d.op} now declares the ${d.status} response.`,
  "success-response-removed": (d) => `The ${d.status} response of ${d.op} was removed; code that reads it must change.`,
  "success-status-changed": (d) =>
    `The success status of ${d.op} changed from ${d.from} to ${d.to}${d.toHasBody ? "" : " without a body"}; code that reads the ${d.from} response must change.`,
  "success-body-removed": (d) =>
    `The ${d.status} response of ${d.op} no longer has a body; code that reads it must change.`,
  "error-response-added": (d) => `${d.op} now declares the ${d.status} response.`,
  "error-response-removed": (d) => `${d.op} no longer declares the ${d.status} response.`,
  "response-header-added": (d) => `${W(d)} was added.`,
  "response-header-removed": (d) => `${W(d)} was removed; code that reads it must change.`,
  "response-header-newly-required": (d) => `${W(d)} is now always sent.`,
  "response-header-no-longer-required": (d) => `${W(d)} may now be absent.`,
  deprecated: (d) => `${capitalize(subject(d.subject))} is now deprecated.`,
  documentation,
  "no-api-change": (d) =>
    d.cause === "vendor-document"
      ? "The vendor's published document changed without changing the API the client sees (its effective spec, with phonebridge's fixes, is the same)."
      : "phonebridge's spec files changed without changing the API the client sees.",
  unclassified: (d) =>
    "reason" in d
      ? `The document cannot be compared (${d.reason}); treated as breaking until reviewed by hand.`
      : `${capitalize(subject(d.subject))} changed in a way phonebridge does not classify (${d.keys.map((key) => `\`${key}\``).join(", ")}); treated as breaking until reviewed by hand.`,
};

export function sentence<K extends Kind>(kind: K, detail: Details[K], side: Side): string {
  return SENTENCES[kind](detail, side);
}

/** The sentence of a change oasdiff reports and the classifier did not (oasdiff/cross-check.ts). */
export function oasdiffSentence(finding: { id: string; text: string; operation?: string }, kind?: Kind): string {
  const on = finding.operation ? ` on ${finding.operation}` : "";
  const quoted = `"${finding.text.replace(/\s+/g, " ").replace(/\.$/, "")}" (${finding.id})`;
  return kind
    ? `oasdiff reports a change phonebridge's classifier did not${on}: ${quoted}, a change of kind \`${kind}\`; review it by hand.`
    : `oasdiff reports a change phonebridge does not classify${on}: ${quoted}; treated as breaking until reviewed by hand.`;
}
