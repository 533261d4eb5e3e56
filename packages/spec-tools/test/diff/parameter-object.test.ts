// Parameters: required headers added, removed, their values changed; optional parameters (src/diff/parameter-object.ts).
import { describe } from "vitest";
import { describeCorpus } from "./corpus.js";
import { CASES } from "./parameter-object.cases.js";

describe("parameters: required headers added, removed, their values changed; optional parameters", () =>
  describeCorpus(CASES));
