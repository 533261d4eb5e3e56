// The request body (src/diff/request-body-object.ts).
import { describe } from "vitest";
import { describeCorpus } from "./corpus.js";
import { CASES } from "./request-body-object.cases.js";

describe("the request body added, removed, required or no longer", () => describeCorpus(CASES));
