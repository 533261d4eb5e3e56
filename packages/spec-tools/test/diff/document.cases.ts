// The corpus cases of src/diff/document.ts: the document as a whole.
import type { CorpusCase } from "./corpus.js";

export const CASES: CorpusCase[] = [
  {
    vendor: "cald",
    name: "API version label only",
    bump: "patch",
    kind: "documentation",
    patch: (d) => {
      d.info.version = "1.0.1";
    },
    changes: ["patch documentation (document): The vendor's API version label changed from 1.0.0 to 1.0.1."],
  },
  {
    vendor: "verbex",
    name: "OpenAPI version number only (3.1.0 to 3.1.1)",
    bump: "patch",
    kind: "documentation",
    patch: (d) => {
      d.openapi = "3.1.1";
    },
    changes: ["patch documentation (document): The document's OpenAPI version changed from 3.1.0 to 3.1.1."],
  },
  {
    vendor: "cald",
    name: "title and description of the document only",
    bump: "patch",
    kind: "documentation",
    patch: (d) => {
      d.info.title = "Cald API";
      d.info.description = "Phone numbers and calls.";
    },
    changes: [
      "patch documentation (document): The document's title, description, contact or license changed (documentation only).",
    ],
  },
  {
    vendor: "vogent",
    name: "document tags and external docs only",
    bump: "patch",
    kind: "documentation",
    patch: (d) => {
      d.tags = [{ name: "Phone Numbers" }];
      d.externalDocs = { url: "https://docs.vogent.ai" };
    },
    changes: [
      "patch documentation (document): The document's tags changed (documentation only).",
      "patch documentation (document): The document's externalDocs changed (documentation only).",
    ],
  },
];
