// The corpus cases of src/diff/security.ts: auth added, removed, its scheme changed.
import type { CorpusCase } from "./corpus.js";

export const CASES: CorpusCase[] = [
  {
    vendor: "retell",
    name: "auth scheme changed (bearer to an API key header)",
    bump: "major",
    kind: "auth-changed",
    patch: (d) => {
      d.components.securitySchemes.api_key = { type: "apiKey", in: "header", name: "X-API-Key" };
    },
    changes: [
      "major auth-changed (operation, PATCH /update-phone-number/{phone_number}): The authentication of PATCH /update-phone-number/{phone_number} changed from http bearer to apiKey in header x-api-key; keys sent the old way are rejected.",
      "major auth-changed (operation, GET /v2/list-phone-numbers): The authentication of GET /v2/list-phone-numbers changed from http bearer to apiKey in header x-api-key; keys sent the old way are rejected.",
      "major auth-changed (operation, GET /get-phone-number/{phone_number}): The authentication of GET /get-phone-number/{phone_number} changed from http bearer to apiKey in header x-api-key; keys sent the old way are rejected.",
    ],
  },
  {
    vendor: "cald",
    name: "auth scheme changed (raw key to bearer)",
    bump: "major",
    kind: "auth-changed",
    patch: (d) => {
      d.components.securitySchemes.apiKeyAuth = { type: "http", scheme: "bearer" };
    },
    changes: [
      "major auth-changed (operation, PATCH /phonenumbers/{phoneNumberId}): The authentication of PATCH /phonenumbers/{phoneNumberId} changed from apiKey in header authorization to http bearer; keys sent the old way are rejected.",
    ],
  },
  {
    vendor: "verbex",
    name: "auth added (the optional key becomes required)",
    bump: "major",
    kind: "auth-added",
    patch: (d) => {
      d.security = [{ bearerAuth: [] }];
    },
    changes: [
      "major auth-added (operation, PATCH /v1/phone-numbers/{phone_number_id}): PATCH /v1/phone-numbers/{phone_number_id} now requires authentication (http bearer); calls without a key fail.",
    ],
  },
  {
    vendor: "vogent",
    name: "auth removed",
    bump: "minor",
    kind: "auth-removed",
    patch: (d) => {
      d.security = [];
    },
    changes: [
      "minor auth-removed (operation, GET /phone_numbers): GET /phone_numbers no longer requires authentication (was http bearer).",
      "minor auth-removed (operation, GET /phone_numbers/{id}): GET /phone_numbers/{id} no longer requires authentication (was http bearer).",
      "minor auth-removed (operation, PUT /phone_numbers/{id}): PUT /phone_numbers/{id} no longer requires authentication (was http bearer).",
    ],
  },
];
