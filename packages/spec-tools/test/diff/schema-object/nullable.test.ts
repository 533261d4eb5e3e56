// Nullability, 3.0 and 3.1 (src/diff/schema-object/nullable.ts).
import { describe } from "vitest";
import { describeCorpus } from "../corpus.js";
import { CASES } from "./nullable.cases.js";

describe("nullability, 3.0 and 3.1", () => describeCorpus(CASES));
