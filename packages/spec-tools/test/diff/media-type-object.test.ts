// Media types of request and response bodies (src/diff/media-type-object.ts).
import { describe } from "vitest";
import { describeCorpus } from "./corpus.js";
import { CASES } from "./media-type-object.cases.js";

describe("media types of a body added and removed", () => describeCorpus(CASES));
