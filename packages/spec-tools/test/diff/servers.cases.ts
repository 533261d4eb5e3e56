// The corpus cases of src/diff/servers.ts: servers: the default base URL added, changed, removed; the others.
import type { CorpusCase } from "./corpus.js";

export const CASES: CorpusCase[] = [
  {
    vendor: "verbex",
    name: "default server URL added",
    bump: "minor",
    kind: "server-added",
    patch: (d) => {
      d.servers = [{ url: "https://api.verbex.ai" }];
    },
  },
  {
    vendor: "cartesia",
    name: "default server URL changed",
    bump: "minor",
    kind: "server-changed",
    patch: (d) => {
      d.servers[0].url = "https://api.cartesia.com";
    },
  },
  {
    vendor: "cald",
    name: "default server URL removed",
    bump: "major",
    kind: "server-removed",
    patch: (d) => {
      d.servers = [];
    },
  },
  {
    vendor: "retell",
    name: "another (non-default) server URL added",
    bump: "patch",
    kind: "other-servers-changed",
    patch: (d) => {
      d.servers.push({ url: "https://api-eu.retellai.com", description: "EU" });
    },
  },
];
