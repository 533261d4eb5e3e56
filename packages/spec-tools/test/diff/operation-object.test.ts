// An operation's documentation (src/diff/operation-object.ts).
import { describe } from "vitest";
import { describeCorpus } from "./corpus.js";
import { CASES } from "./operation-object.cases.js";

describe("an operation's documentation", () => describeCorpus(CASES));
