// Defaults (src/diff/schema-object/default.ts).
import { describe } from "vitest";
import { describeCorpus } from "../corpus.js";
import { CASES } from "./default.cases.js";

describe("defaults: documentation on the request side, the generated type on the response side", () =>
  describeCorpus(CASES));
