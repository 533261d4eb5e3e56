// The command line of `pnpm mutation` (src/mutation/args.ts).
import { describe, expect, it } from "vitest";
import { parseMutationArgs } from "../../src/mutation/args.js";

const names = (argv: string[]) => {
  const parsed = parseMutationArgs(argv);
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed.targets.map((target) => target.name);
};

describe("pnpm mutation's command line", () => {
  it("runs every target when none is named, in the order core, facade, classifier", () => {
    expect(names([])).toEqual(["core", "facade", "classifier"]);
    expect(names(["--concurrency", "1"])).toEqual(["core", "facade", "classifier"]);
  });

  it("runs the targets named, and passes everything from the first option on to Stryker", () => {
    expect(parseMutationArgs(["classifier", "--mutate", "src/diff/servers.ts", "--concurrency", "1"])).toMatchObject({
      targets: [{ name: "classifier", dir: "packages/spec-tools" }],
      restoreOnly: false,
      help: false,
      stryker: ["--mutate", "src/diff/servers.ts", "--concurrency", "1"],
    });
    expect(names(["facade", "core"])).toEqual(["core", "facade"]);
  });

  it("keeps --restore and --help for itself", () => {
    expect(parseMutationArgs(["core", "--restore", "--incremental"])).toMatchObject({
      restoreOnly: true,
      stryker: ["--incremental"],
    });
    expect(parseMutationArgs(["--help"])).toMatchObject({ help: true, stryker: [] });
  });

  it("refuses a target it does not know, naming it", () => {
    expect(parseMutationArgs(["core", "cli"])).toEqual({ error: 'unknown mutation target "cli"' });
  });
});
