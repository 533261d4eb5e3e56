// The project's commit rule: a subject of at most 72 characters that says what changed, the why
// in the body, and no work-in-progress commits left in a change. CI checks the commits of a pull
// request (.github/workflows/ci.yml).
import { execFileSync } from "node:child_process";

export const MAX_SUBJECT = 72;

export interface Commit {
  sha: string;
  subject: string;
}

/** The commits of a range (`base..head`), merges left out, oldest first. */
export function commitsIn(root: string, range: string): Commit[] {
  const log = execFileSync("git", ["-C", root, "log", "--no-merges", "--reverse", "--format=%H%x00%s%x1e", range], {
    encoding: "utf8",
  });
  return log
    .split("\x1e")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [sha = "", subject = ""] = entry.split("\0");
      return { sha, subject };
    });
}

export function commitProblems(commits: readonly Commit[]): string[] {
  const problems: string[] = [];
  for (const { sha, subject } of commits) {
    const at = `${sha.slice(0, 7)} "${subject}"`;
    // Characters, not UTF-16 units: an em dash counts once.
    const length = [...subject].length;
    if (length > MAX_SUBJECT)
      problems.push(`${at}: the subject has ${length} characters (at most ${MAX_SUBJECT}); put the why in the body`);
    if (!subject.trim()) problems.push(`${at}: no subject`);
    if (/^(wip\b|fixup!|squash!|amend!)/i.test(subject))
      problems.push(`${at}: a work-in-progress commit; squash it before the change lands`);
  }
  return problems;
}
