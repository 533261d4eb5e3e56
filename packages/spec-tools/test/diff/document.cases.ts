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
  },
];
