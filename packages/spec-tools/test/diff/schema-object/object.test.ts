// Objects: fields added, removed, renamed, required or no longer (src/diff/schema-object/object.ts).
import { describe } from "vitest";
import { describeCorpus } from "../corpus.js";
import { CASES } from "./object.cases.js";

describe("objects: fields added, removed, renamed, required or no longer", () => describeCorpus(CASES));
