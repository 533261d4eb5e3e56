// Enums: values added and removed, on each side (src/diff/schema-object/enum.ts).
import { describe } from "vitest";
import { describeCorpus } from "../corpus.js";
import { CASES } from "./enum.cases.js";

describe("enums: values added and removed, on each side", () => describeCorpus(CASES));
