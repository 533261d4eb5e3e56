// Unions: members added and removed (src/diff/schema-object/union.ts).
import { describe } from "vitest";
import { describeCorpus } from "../corpus.js";
import { CASES } from "./union.cases.js";

describe("unions: members added and removed", () => describeCorpus(CASES));
