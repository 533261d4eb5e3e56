// Array items (src/diff/schema-object/array.ts).
import { describe } from "vitest";
import { describeCorpus } from "../corpus.js";
import { CASES } from "./array.cases.js";

describe("array items typed, untyped, compared", () => describeCorpus(CASES));
