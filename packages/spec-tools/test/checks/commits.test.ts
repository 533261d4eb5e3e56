// The commit rule (src/checks/commits.ts).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commitProblems, commitsIn } from "../../src/checks/commits.js";
import { runBin } from "../helpers.js";

describe("commit subjects", () => {
  it("are at most 72 characters, counted as characters", () => {
    const ok = { sha: "a".repeat(40), subject: `${"x".repeat(71)}—` };
    const long = { sha: "b".repeat(40), subject: "y".repeat(73) };
    expect(commitProblems([ok])).toEqual([]);
    expect(commitProblems([long])).toEqual([
      `bbbbbbb "${long.subject}": the subject has 73 characters (at most 72); put the why in the body`,
    ]);
  });

  it("are not work in progress", () => {
    const problems = commitProblems([
      { sha: "c".repeat(40), subject: "WIP parser" },
      { sha: "d".repeat(40), subject: "fixup! parser: read tags" },
    ]);
    expect(problems).toHaveLength(2);
    expect(problems.every((p) => /work-in-progress/.test(p))).toBe(true);
  });

  it("are read from a range of a repository, merges left out, and checked by `pnpm check:commits`", () => {
    const root = mkdtempSync(join(tmpdir(), "phonebridge-commits-"));
    const git = (...args: string[]) => execFileSync("git", ["-C", root, ...args], { encoding: "utf8" });
    try {
      git("init", "-q", "-b", "main");
      git("config", "user.email", "test@phonebridge.invalid");
      git("config", "user.name", "test");
      git("config", "commit.gpgsign", "false");
      writeFileSync(join(root, "a"), "1");
      git("add", "a");
      git("commit", "-q", "-m", "base");
      writeFileSync(join(root, "a"), "2");
      git("commit", "-q", "-am", "parser: read tags", "-m", "Because the release base is a tag.");
      writeFileSync(join(root, "a"), "3");
      git("commit", "-q", "-am", `parser: ${"z".repeat(80)}`);
      expect(commitsIn(root, "HEAD~2..HEAD").map((c) => c.subject)).toEqual([
        "parser: read tags",
        `parser: ${"z".repeat(80)}`,
      ]);
      const failed = runBin(root, "check-commits", "HEAD~2..HEAD");
      expect(failed.code).toBe(1);
      expect(failed.out).toMatch(/the subject has 88 characters/);
      expect(runBin(root, "check-commits", "HEAD~2..HEAD~1")).toMatchObject({ code: 0 });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
