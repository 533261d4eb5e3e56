// Constraints narrowed and widened (src/diff/schema-object/constraints.ts).
import { describe } from "vitest";
import { describeCorpus } from "../corpus.js";
import { CASES } from "./constraints.cases.js";

describe("constraints narrowed and widened", () => describeCorpus(CASES));
