// Documentation-only changes to schemas (src/diff/docs.ts).
import { describe } from "vitest";
import { describeCorpus } from "./corpus.js";
import { CASES } from "./docs.cases.js";

describe("documentation-only changes to schemas", () => describeCorpus(CASES));
