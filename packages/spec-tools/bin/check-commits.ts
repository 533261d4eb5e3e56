#!/usr/bin/env node
import { commitProblems, commitsIn } from "../src/checks/commits.js";
// `pnpm check:commits <base>..<head>`: the commits of a change follow the commit rule
// (src/checks/commits.ts). CI runs it over a pull request's commits.
import { commandLine, usageError } from "../src/cli.js";

const USAGE = "usage: pnpm check:commits <base>..<head>";
const { root, args } = commandLine(process.argv.slice(2), { usage: USAGE, positionals: true });
const [range] = args;
if (!range || args.length !== 1 || !range.includes(".."))
  usageError("give one range of commits, <base>..<head>", USAGE);
const commits = commitsIn(root, range);
const problems = commitProblems(commits);
for (const problem of problems) console.error(`FAIL ${problem}`);
console.log(
  problems.length
    ? `check:commits: ${problems.length} problem(s) in ${commits.length} commit(s)`
    : `check:commits: ${commits.length} commit(s) ok`,
);
process.exit(problems.length ? 1 : 0);
