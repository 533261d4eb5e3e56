// Auth added, removed, its scheme changed (src/diff/security.ts).
import { describe } from "vitest";
import { describeCorpus } from "./corpus.js";
import { CASES } from "./security.cases.js";

describe("auth added, removed, its scheme changed", () => describeCorpus(CASES));
