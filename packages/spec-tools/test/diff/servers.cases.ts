// The corpus cases of src/diff/servers.ts: servers: the default base URL added, changed, removed; the others.
import { type CorpusCase, RETELL } from "./corpus.js";

export const CASES: CorpusCase[] = [
  {
    vendor: "verbex",
    name: "default server URL added",
    bump: "minor",
    kind: "server-added",
    patch: (d) => {
      d.servers = [{ url: "https://api.verbex.ai" }];
    },
    changes: [
      "minor server-added (document): The vendor now documents the default server URL https://api.verbex.ai, which becomes the default base URL.",
    ],
  },
  {
    vendor: "cartesia",
    name: "default server URL changed",
    bump: "minor",
    kind: "server-changed",
    patch: (d) => {
      d.servers[0].url = "https://api.cartesia.com";
    },
    changes: [
      "minor server-changed (document): The default server URL changed from https://api.cartesia.ai to https://api.cartesia.com; clients without `baseUrl` now call https://api.cartesia.com.",
    ],
  },
  {
    vendor: "cald",
    name: "default server URL removed",
    bump: "major",
    kind: "server-removed",
    patch: (d) => {
      d.servers = [];
    },
    changes: [
      "major server-removed (document): The vendor no longer documents the default server URL (was https://my.cald.ai/client/api/v1); `baseUrl` becomes required.",
    ],
  },
  {
    vendor: "retell",
    name: "another (non-default) server URL added",
    bump: "patch",
    kind: "other-servers-changed",
    patch: (d) => {
      d.servers.push({ url: "https://api-eu.retellai.com", description: "EU" });
    },
    changes: [
      "patch other-servers-changed (document): The vendor's list of other server URLs changed (the default server stays https://api.retellai.com).",
    ],
  },
  // Second checks of the contract's server URL rows, on other vendors; and an operation's own
  // servers, which follow the same rules (docs/spec-changes.md#how-the-classifier-recognizes-changes).
  {
    vendor: "retell",
    name: "default server URL removed (baseUrl becomes required)",
    bump: "major",
    kind: "server-removed",
    patch: (d) => {
      d.servers = [];
    },
    changes: [
      "major server-removed (document): The vendor no longer documents the default server URL (was https://api.retellai.com); `baseUrl` becomes required.",
    ],
  },
  {
    vendor: "vogent",
    name: "default server URL changed (another host)",
    bump: "minor",
    kind: "server-changed",
    patch: (d) => {
      d.servers[0].url = "https://api.vogent.com/api";
    },
    changes: [
      "minor server-changed (document): The default server URL changed from https://api.vogent.ai/api to https://api.vogent.com/api; clients without `baseUrl` now call https://api.vogent.com/api.",
    ],
  },
  {
    vendor: "cald",
    name: "default server URL added to a document without one",
    bump: "minor",
    kind: "server-added",
    base: (d) => {
      d.servers = [];
    },
    patch: (d) => {
      d.servers = [{ url: "https://my.cald.ai/client/api/v2" }];
    },
    changes: [
      "minor server-added (document): The vendor now documents the default server URL https://my.cald.ai/client/api/v2, which becomes the default base URL.",
    ],
  },
  {
    vendor: "cartesia",
    name: "a trailing slash on the default server URL (the same base URL)",
    bump: "patch",
    kind: "documentation",
    patch: (d) => {
      d.servers[0].url = "https://api.cartesia.ai/";
    },
    changes: ["patch documentation (document): The description of the server URLs changed (documentation only)."],
  },
  {
    vendor: "retell",
    name: "an operation's own server URL, in place of the default",
    bump: "minor",
    kind: "server-changed",
    patch: (d) => {
      d.paths[RETELL].patch.servers = [{ url: "https://api-eu.retellai.com" }];
    },
    changes: [
      "minor server-changed (document): PATCH /update-phone-number/{phone_number}'s own server URL changed from https://api.retellai.com to https://api-eu.retellai.com; clients without `baseUrl` now call https://api-eu.retellai.com.",
    ],
  },
];
