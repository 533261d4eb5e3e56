// Servers: the default base URL added, changed, removed; the others (src/diff/servers.ts).
import { describe } from "vitest";
import { describeCorpus } from "./corpus.js";
import { CASES } from "./servers.cases.js";

describe("servers: the default base URL added, changed, removed; the others", () => describeCorpus(CASES));
