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
  },
];
