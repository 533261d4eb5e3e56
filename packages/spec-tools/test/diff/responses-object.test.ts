// Responses: error responses added and removed, the success status changed (src/diff/responses-object.ts).
import { describe } from "vitest";
import { describeCorpus } from "./corpus.js";
import { CASES } from "./responses-object.cases.js";

describe("responses: error responses added and removed, the success status changed", () => describeCorpus(CASES));
