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
  },
  {
    vendor: "cald",
    name: "auth scheme changed (raw key to bearer)",
    bump: "major",
    kind: "auth-changed",
    patch: (d) => {
      d.components.securitySchemes.apiKeyAuth = { type: "http", scheme: "bearer" };
    },
  },
  {
    vendor: "verbex",
    name: "auth added (the optional key becomes required)",
    bump: "major",
    kind: "auth-added",
    patch: (d) => {
      d.security = [{ bearerAuth: [] }];
    },
  },
  {
    vendor: "vogent",
    name: "auth removed",
    bump: "minor",
    kind: "auth-removed",
    patch: (d) => {
      d.security = [];
    },
  },
];
