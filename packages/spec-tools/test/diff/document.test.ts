// The document as a whole (src/diff/document.ts).
import { describe } from "vitest";
import { describeCorpus } from "./corpus.js";
import { CASES } from "./document.cases.js";

describe("the document as a whole", () => describeCorpus(CASES));
