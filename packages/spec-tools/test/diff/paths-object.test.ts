// Operations added, removed, moved; path parameters renamed (src/diff/paths-object.ts).
import { describe } from "vitest";
import { describeCorpus } from "./corpus.js";
import { CASES } from "./paths-object.cases.js";

describe("operations added, removed, moved; path parameters renamed", () => describeCorpus(CASES));
