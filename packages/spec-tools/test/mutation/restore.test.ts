// Putting back what an in-place Stryker run killed outright left (src/mutation/restore.ts).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { restoreLeftovers } from "../../src/mutation/restore.js";

const ORIGINAL = 'export const x = "a";\n';
const MUTATED = `// @ts-nocheck\nfunction stryMutAct_9fa48(id) {}\nexport const x = stryMutAct_9fa48("0") ? "" : "a";\n`;

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A package with `files`, and a Stryker temp folder holding one backup of `backup`. */
function leftover(files: Record<string, string>, backup: Record<string, string>) {
  const pkg = mkdtempSync(join(tmpdir(), "phonebridge-mutation-"));
  dirs.push(pkg);
  const write = (path: string, text: string) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  };
  for (const [name, text] of Object.entries(files)) write(join(pkg, name), text);
  const saved = join(pkg, ".stryker-tmp", "backup-Ab12Cd");
  for (const [name, text] of Object.entries(backup)) write(join(saved, name), text);
  return { pkg, tempDir: join(pkg, ".stryker-tmp"), saved };
}

describe("restoring what an interrupted in-place run left", () => {
  it("puts back every file Stryker wrote over, and removes the backup", () => {
    const { pkg, tempDir, saved } = leftover(
      { "src/a.ts": MUTATED, "src/deep/b.ts": `// @ts-nocheck\n${ORIGINAL}` },
      { "src/a.ts": ORIGINAL, "src/deep/b.ts": ORIGINAL },
    );
    expect(restoreLeftovers(pkg, tempDir)).toEqual({
      restored: [join("src", "a.ts"), join("src", "deep", "b.ts")].sort(),
      kept: [],
    });
    expect(readFileSync(join(pkg, "src/a.ts"), "utf8")).toBe(ORIGINAL);
    expect(readFileSync(join(pkg, "src/deep/b.ts"), "utf8")).toBe(ORIGINAL);
    expect(existsSync(saved)).toBe(false);
  });

  it("drops a backup whose files are already back", () => {
    const { pkg, tempDir, saved } = leftover({ "src/a.ts": ORIGINAL }, { "src/a.ts": ORIGINAL });
    expect(restoreLeftovers(pkg, tempDir)).toEqual({ restored: [], kept: [] });
    expect(existsSync(saved)).toBe(false);
  });

  it("leaves a file changed since without Stryker's marks, and keeps its backup", () => {
    const edited = 'export const x = "b";\n';
    const { pkg, tempDir, saved } = leftover({ "src/a.ts": edited }, { "src/a.ts": ORIGINAL });
    expect(restoreLeftovers(pkg, tempDir)).toEqual({ restored: [], kept: [join("src", "a.ts")] });
    expect(readFileSync(join(pkg, "src/a.ts"), "utf8")).toBe(edited);
    expect(readFileSync(join(saved, "src/a.ts"), "utf8")).toBe(ORIGINAL);
  });

  it("does not bring back a file removed since", () => {
    const { pkg, tempDir, saved } = leftover({}, { "src/a.ts": ORIGINAL });
    expect(restoreLeftovers(pkg, tempDir)).toEqual({ restored: [], kept: [join("src", "a.ts")] });
    expect(existsSync(join(pkg, "src/a.ts"))).toBe(false);
    expect(existsSync(join(saved, "src/a.ts"))).toBe(true);
  });

  it("does nothing without a temp folder, or with one that holds no backup", () => {
    const { pkg, tempDir } = leftover({ "src/a.ts": MUTATED }, {});
    expect(restoreLeftovers(pkg, join(pkg, "nowhere"))).toEqual({ restored: [], kept: [] });
    mkdirSync(join(tempDir, "sandbox-x1"), { recursive: true });
    expect(restoreLeftovers(pkg, tempDir)).toEqual({ restored: [], kept: [] });
    expect(readFileSync(join(pkg, "src/a.ts"), "utf8")).toBe(MUTATED);
  });
});
