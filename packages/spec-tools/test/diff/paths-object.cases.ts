// The corpus cases of src/diff/paths-object.ts: operations added, removed, moved; path parameters renamed.
import { CALD, type CorpusCase, RETELL, VERBEX } from "./corpus.js";

export const CASES: CorpusCase[] = [
  {
    vendor: "retell",
    name: "operation added",
    bump: "minor",
    kind: "operation-added",
    patch: (d) => {
      d.paths["/delete-phone-number/{phone_number}"] = {
        delete: {
          operationId: "deletePhoneNumber",
          parameters: [{ in: "path", name: "phone_number", required: true, schema: { type: "string" } }],
          responses: {
            200: {
              description: "ok",
              content: { "application/json": { schema: { $ref: "#/components/schemas/PhoneNumberResponse" } } },
            },
          },
        },
      };
    },
    changes: [
      "minor operation-added (operation, DELETE /delete-phone-number/{phone_number}): The new operation DELETE /delete-phone-number/{phone_number} was added.",
    ],
  },
  {
    vendor: "verbex",
    name: "operation removed",
    bump: "major",
    kind: "operation-removed",
    patch: (d) => {
      d.paths["/v1/phone-numbers"] = { get: { operationId: "list", responses: { 200: { description: "ok" } } } };
      delete d.paths[VERBEX];
    },
    changes: [
      "major operation-removed (operation, PATCH /v1/phone-numbers/{phone_number_id}): The operation PATCH /v1/phone-numbers/{phone_number_id} was removed; code that calls it no longer compiles.",
      "minor operation-added (operation, GET /v1/phone-numbers): The new operation GET /v1/phone-numbers was added.",
    ],
  },
  {
    vendor: "retell",
    name: "method changed (PATCH to PUT, same operationId)",
    bump: "major",
    kind: "operation-moved",
    patch: (d) => {
      d.paths[RETELL].put = d.paths[RETELL].patch;
      delete d.paths[RETELL].patch;
    },
    changes: [
      "major operation-moved (operation, PATCH /update-phone-number/{phone_number}, renamed to PUT /update-phone-number/{phone_number}): The method of operation `updatePhoneNumber` changed from PATCH /update-phone-number/{phone_number} to PUT /update-phone-number/{phone_number}; code that calls the old method must change.",
    ],
  },
  {
    vendor: "cald",
    name: "method changed without an operationId (PATCH to PUT)",
    bump: "major",
    kind: "operation-removed",
    patch: (d) => {
      d.paths[CALD].put = d.paths[CALD].patch;
      delete d.paths[CALD].patch;
    },
    changes: [
      "major operation-removed (operation, PATCH /phonenumbers/{phoneNumberId}): The operation PATCH /phonenumbers/{phoneNumberId} was removed; code that calls it no longer compiles.",
      "minor operation-added (operation, PUT /phonenumbers/{phoneNumberId}): The new operation PUT /phonenumbers/{phoneNumberId} was added.",
    ],
  },
  {
    vendor: "retell",
    name: "path changed (same operationId)",
    bump: "major",
    kind: "operation-moved",
    patch: (d) => {
      d.paths["/v2/update-phone-number/{phone_number}"] = d.paths[RETELL];
      delete d.paths[RETELL];
    },
    changes: [
      "major operation-moved (operation, PATCH /update-phone-number/{phone_number}, renamed to PATCH /v2/update-phone-number/{phone_number}): The path of operation `updatePhoneNumber` changed from PATCH /update-phone-number/{phone_number} to PATCH /v2/update-phone-number/{phone_number}; code that calls the old path must change.",
    ],
  },
  {
    vendor: "retell",
    name: "path parameter renamed",
    bump: "major",
    kind: "path-parameter-renamed",
    patch: (d) => {
      const op = d.paths[RETELL];
      op.patch.parameters[0].name = "number";
      d.paths["/update-phone-number/{number}"] = op;
      delete d.paths[RETELL];
    },
    changes: [
      "major path-parameter-renamed (operation, PATCH /update-phone-number/{phone_number}, renamed to PATCH /update-phone-number/{number}): The path parameter `phone_number` of PATCH /update-phone-number/{phone_number} was renamed to `number`; code that passes it by name must use the new name.",
    ],
  },
];
