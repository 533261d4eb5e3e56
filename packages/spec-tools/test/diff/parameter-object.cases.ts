// The corpus cases of src/diff/parameter-object.ts: parameters: required headers added, removed, their values changed; optional parameters.
import { type CorpusCase, cartesiaOp, type Doc, RETELL, vogentOp } from "./corpus.js";

export const CASES: CorpusCase[] = [
  {
    vendor: "cartesia",
    name: "required header value changed (Cartesia-Version)",
    bump: "major",
    kind: "enum-value-removed",
    patch: (d) => {
      const s = d.components.parameters.CartesiaVersionHeader.schema;
      s.enum = ["2026-06-01"];
      s.example = "2026-06-01";
    },
    changes: [
      "minor enum-value-added (request, GET /agents/phone-numbers/{id}): The header parameter `Cartesia-Version` of GET /agents/phone-numbers/{id} now also accepts `2026-06-01`.",
      "major enum-value-removed (request, GET /agents/phone-numbers/{id}): The header parameter `Cartesia-Version` of GET /agents/phone-numbers/{id} no longer accepts `2026-03-01`; code that sends it must change.",
      "patch documentation (request, GET /agents/phone-numbers/{id}): The example of the header parameter `Cartesia-Version` of GET /agents/phone-numbers/{id} changed (documentation only).",
      "minor enum-value-added (request, PATCH /agents/phone-numbers/{id}): The header parameter `Cartesia-Version` of PATCH /agents/phone-numbers/{id} now also accepts `2026-06-01`.",
      "major enum-value-removed (request, PATCH /agents/phone-numbers/{id}): The header parameter `Cartesia-Version` of PATCH /agents/phone-numbers/{id} no longer accepts `2026-03-01`; code that sends it must change.",
      "patch documentation (request, PATCH /agents/phone-numbers/{id}): The example of the header parameter `Cartesia-Version` of PATCH /agents/phone-numbers/{id} changed (documentation only).",
      "minor enum-value-added (request, GET /agents/phone-numbers): The header parameter `Cartesia-Version` of GET /agents/phone-numbers now also accepts `2026-06-01`.",
      "major enum-value-removed (request, GET /agents/phone-numbers): The header parameter `Cartesia-Version` of GET /agents/phone-numbers no longer accepts `2026-03-01`; code that sends it must change.",
      "patch documentation (request, GET /agents/phone-numbers): The example of the header parameter `Cartesia-Version` of GET /agents/phone-numbers changed (documentation only).",
    ],
  },
  {
    vendor: "cartesia",
    name: "required header allowed values widened",
    bump: "minor",
    kind: "enum-value-added",
    patch: (d) => {
      d.components.parameters.CartesiaVersionHeader.schema.enum.push("2026-06-01");
    },
    changes: [
      "minor enum-value-added (request, GET /agents/phone-numbers/{id}): The header parameter `Cartesia-Version` of GET /agents/phone-numbers/{id} now also accepts `2026-06-01`.",
      "minor enum-value-added (request, PATCH /agents/phone-numbers/{id}): The header parameter `Cartesia-Version` of PATCH /agents/phone-numbers/{id} now also accepts `2026-06-01`.",
      "minor enum-value-added (request, GET /agents/phone-numbers): The header parameter `Cartesia-Version` of GET /agents/phone-numbers now also accepts `2026-06-01`.",
    ],
  },
  {
    vendor: "retell",
    name: "required header added",
    bump: "major",
    kind: "required-header-added",
    patch: (d) => {
      d.paths[RETELL].patch.parameters.push({
        in: "header",
        name: "Retell-Version",
        required: true,
        schema: { type: "string", enum: ["2026-01-01"] },
      });
    },
    changes: [
      "major required-header-added (request, PATCH /update-phone-number/{phone_number}, field Retell-Version): PATCH /update-phone-number/{phone_number} now requires the header parameter `Retell-Version` (allowed: `2026-01-01`); requests without it are rejected.",
    ],
  },
  {
    vendor: "cartesia",
    name: "required header removed",
    bump: "minor",
    kind: "required-header-removed",
    patch: (d) => {
      cartesiaOp(d).parameters = cartesiaOp(d).parameters.filter((p: Doc) => !p.$ref);
    },
    changes: [
      "minor required-header-removed (request, PATCH /agents/phone-numbers/{id}): The required header `Cartesia-Version` of PATCH /agents/phone-numbers/{id} was removed; the client no longer sends it.",
    ],
  },
  {
    vendor: "vogent",
    name: "optional query parameter added",
    bump: "minor",
    kind: "parameter-added-optional",
    patch: (d) => {
      vogentOp(d).parameters.push({ in: "query", name: "dryRun", schema: { type: "boolean" } });
    },
    changes: [
      "minor parameter-added-optional (request, PUT /phone_numbers/{id}, field dryRun): PUT /phone_numbers/{id} accepts the new optional query parameter `dryRun`.",
    ],
  },
];
