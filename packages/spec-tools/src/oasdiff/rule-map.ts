// oasdiff's rule ids (`oasdiff checks` lists them; oasdiff 1.15.0 has 465) mapped to the
// classifier's kinds. oasdiff names a change by where it is (request-property-, response-body-,
// request-parameter-, ...) and what happened (-enum-value-added, -became-optional, ...); the
// table maps the id to the kinds that name the same change, most likely first. It decides no
// bump: a finding the classifier already reported with one of these kinds is explained, and a
// finding it missed takes the first kind's bump from the rule table (diff/rules.ts). Ids no row
// matches are what neither knows: treated as breaking until a person reviews them.
import type { Kind, Side } from "../diff/change.js";

const TYPE_KINDS: Kind[] = [
  "type-changed",
  "type-widened",
  "type-narrowed",
  "union-member-added",
  "union-member-removed",
  "nullable-added",
  "nullable-removed",
  "items-added",
  "items-removed",
];
const ENUM_KINDS: Kind[] = ["enum-added", "enum-removed", "enum-value-added", "enum-value-removed"];
const CONSTRAINT_KINDS: Kind[] = ["constraint-narrowed", "constraint-widened", "constraint-changed"];
const AUTH_KINDS: Kind[] = ["auth-changed", "auth-added", "auth-removed", "auth-optional-added"];
const OPERATION_KINDS: Kind[] = ["operation-removed", "operation-moved", "path-parameter-renamed"];
const FIELD_KINDS: Kind[] = [
  "field-added-optional",
  "field-added-required",
  "field-removed",
  "field-renamed",
  "field-newly-required",
  "field-no-longer-required",
];

/** [a pattern of oasdiff rule ids, the kinds that name the same change]; the first row that matches wins. */
export const OASDIFF_RULES: readonly (readonly [RegExp, readonly Kind[]])[] = [
  // Removals first: some of their ids mention a deprecation or a sunset date.
  [/^api-(path-)?removed-/, OPERATION_KINDS],
  [/^request-parameter-removed/, ["parameter-removed", "required-header-removed"]],
  // Deprecation, sunset dates and stability levels only document (un-deprecating too).
  [/deprecated|sunset|reactivated|stability/, ["deprecated", "documentation"]],
  [/x-extensible-enum/, ["documentation"]],
  [/-enum-value-added$/, ["enum-value-added", "enum-removed"]],
  [/-enum-value-removed$/, ["enum-value-removed", "enum-added"]],
  [/-became-enum$/, ["enum-added"]],
  [/-const-(added|changed|removed)$/, ENUM_KINDS],
  [/-became-nullable$/, ["nullable-added", "union-member-added"]],
  [/-became-not-nullable$/, ["nullable-removed", "union-member-removed"]],
  [/-became-(not-)?(read|write)-only$/, ["access-changed"]],
  [
    /-became-required(-with-default)?$/,
    [
      "field-newly-required",
      "parameter-newly-required",
      "required-header-added",
      "request-body-newly-required",
      "response-header-newly-required",
      "default-added",
    ],
  ],
  [
    /-became-optional$/,
    [
      "field-no-longer-required",
      "parameter-no-longer-required",
      "required-header-removed",
      "request-body-no-longer-required",
      "response-header-no-longer-required",
      "default-removed",
    ],
  ],
  [/^new-required-request-property/, ["field-added-required", "field-renamed"]],
  [/^new-required-request-header-property$/, ["required-header-added", "field-added-required"]],
  [/^new-required-request-(default-)?parameter/, ["parameter-added-required", "required-header-added"]],
  [/^new-optional-request-property$/, ["field-added-optional", "field-renamed"]],
  [/^new-optional-request-(default-)?parameter/, ["parameter-added-optional"]],
  [/^new-request-path-parameter$/, OPERATION_KINDS],
  [/^response-required-(write-only-)?property-added$/, ["field-added-required", "field-renamed"]],
  [/^response-optional-(write-only-)?property-added$/, ["field-added-optional", "field-renamed"]],
  [/-property-removed$/, ["field-removed", "field-renamed"]],
  [/^(required|optional)-response-header-removed$/, ["response-header-removed"]],
  [/-default-value-(added|changed|removed)$/, ["documentation", "default-added", "default-removed"]],
  [/-(type-changed|type-generalized|type-specialized|list-of-types-narrowed|list-of-types-widened)$/, TYPE_KINDS],
  [/-(any|one)-of-(added|removed)$/, TYPE_KINDS],
  [/-all-of-(added|removed)$/, [...FIELD_KINDS, ...TYPE_KINDS]],
  [
    /-(max|min|max-length|min-length|max-items|min-items|exclusive-max|exclusive-min)-(increased|decreased|set|unset)$/,
    CONSTRAINT_KINDS,
  ],
  [/-pattern-(added|changed|removed|generalized)$/, CONSTRAINT_KINDS],
  // JSON Schema keywords the classifier does not compare: it reports their change as unclassified.
  [
    /-(contains|max-contains|min-contains|if|then|else|prefix-items|unevaluated-items|unevaluated-properties|property-names|pattern-property|dependent-required|dependent-schema|content-encoding|content-media-type|content-schema)(-|$)/,
    ["unclassified"],
  ],
  [/^(request-body|response)-media-type-added$/, ["media-type-added"]],
  [/^(request-body|response)-media-type-removed$/, ["media-type-removed"]],
  [/^response-media-type-name-/, ["media-type-added", "media-type-removed"]],
  [/^request-body-added-required$/, ["request-body-added-required"]],
  [/^request-body-added-optional$/, ["request-body-added"]],
  [/^request-body-removed$/, ["request-body-removed"]],
  [
    /^response-success-status-(added|removed)$/,
    ["success-status-changed", "success-response-removed", "success-response-added", "success-body-removed"],
  ],
  [/^response-non-success-status-(added|removed)$/, ["error-response-added", "error-response-removed"]],
  [/^endpoint-added$/, ["operation-added", "operation-moved", "path-parameter-renamed"]],
  [/^api-operation-id-(added|removed)$/, ["operation-id-changed"]],
  [/^api-(global-)?security-/, AUTH_KINDS],
  [/^api-tag-(added|removed)$/, ["documentation"]],
  [/^api-schema-removed$/, ["documentation"]],
];

/**
 * The ids no row maps, on purpose: what neither the classifier nor the table knows, so a finding
 * is treated as breaking until a person reviews it. A test compares this list with the ids
 * `oasdiff checks` lists, so an oasdiff upgrade that brings new ids is noticed.
 *   - discriminators: openapi-typescript types a discriminated union from them, and the
 *     classifier does not compare them;
 *   - webhooks: the classifier compares paths, not webhooks.
 */
export const UNMAPPED = [/-discriminator-/, /^webhook-/];

/** The kinds naming the same change as an oasdiff rule id; empty when no row matches. */
export function kindsForRule(id: string): readonly Kind[] {
  return OASDIFF_RULES.find(([pattern]) => pattern.test(id))?.[1] ?? [];
}

/** Which side an oasdiff rule id is on, from its wording. */
export function sideOfRule(id: string): Side {
  if (/^(new-[a-z-]*request|request)-/.test(id)) return "request";
  if (/^((required|optional)-)?response-/.test(id)) return "response";
  return "operation";
}
