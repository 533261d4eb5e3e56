// Types: widened, narrowed, changed to an unrelated type (src/diff/schema-object/type.ts).
import { describe } from "vitest";
import { describeCorpus } from "../corpus.js";
import { CASES } from "./type.cases.js";

describe("types: widened, narrowed, changed to an unrelated type", () => describeCorpus(CASES));
