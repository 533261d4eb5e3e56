// Response headers added and removed (src/diff/header-object.ts).
import { describe } from "vitest";
import { describeCorpus } from "./corpus.js";
import { CASES } from "./header-object.cases.js";

describe("response headers added and removed", () => describeCorpus(CASES));
