// What comments in hand-written source may cite: sections of docs/ (for example
// `docs/CONTRACT.md#retries-and-time`), which must exist; never issue numbers, and never files
// outside the repository. Comments are read with TypeScript's scanner, so strings, regular
// expressions and template literals that look like citations are not comments.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
/** First lines that mark a generated file (never edited by hand, so never cited from). */
const GENERATED = /This file (is|was) (auto-)?generated/i;

/** Tokens after which a `/` divides; after any other, it starts a regular expression. */
const ENDS_EXPRESSION = new Set([
  ts.SyntaxKind.Identifier,
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.BigIntLiteral,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.RegularExpressionLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.CloseParenToken,
  ts.SyntaxKind.CloseBracketToken,
  ts.SyntaxKind.CloseBraceToken,
  ts.SyntaxKind.ThisKeyword,
  ts.SyntaxKind.SuperKeyword,
  ts.SyntaxKind.TrueKeyword,
  ts.SyntaxKind.FalseKeyword,
  ts.SyntaxKind.NullKeyword,
]);

/** The comments of a source file, with their line numbers. */
export function commentsOf(text: string): { line: number; text: string }[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  const out: { line: number; text: string }[] = [];
  const lineOf = (pos: number) => text.slice(0, pos).split("\n").length;
  // Brace depths at which a template literal's `${` opened: its `}` continues the template.
  const templates: number[] = [];
  let braces = 0;
  let previous = ts.SyntaxKind.Unknown;
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.SingleLineCommentTrivia || token === ts.SyntaxKind.MultiLineCommentTrivia) {
      out.push({ line: lineOf(scanner.getTokenStart()), text: scanner.getTokenText() });
      continue;
    }
    if (token === ts.SyntaxKind.WhitespaceTrivia || token === ts.SyntaxKind.NewLineTrivia) continue;
    if (
      (token === ts.SyntaxKind.SlashToken || token === ts.SyntaxKind.SlashEqualsToken) &&
      !ENDS_EXPRESSION.has(previous)
    ) {
      token = scanner.reScanSlashToken();
    } else if (token === ts.SyntaxKind.TemplateHead) {
      templates.push(braces);
    } else if (token === ts.SyntaxKind.OpenBraceToken) {
      braces += 1;
    } else if (token === ts.SyntaxKind.CloseBraceToken) {
      if (templates.at(-1) === braces) {
        token = scanner.reScanTemplateToken(false);
        if (token === ts.SyntaxKind.TemplateTail) templates.pop();
      } else braces -= 1;
    }
    previous = token;
  }
  return out;
}

/** GitHub's anchor for a Markdown heading. */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function anchorsOf(root: string, file: string): Set<string> {
  const text = readFileSync(join(root, file), "utf8").replace(/^```[\s\S]*?^```/gm, "");
  const anchors = new Set<string>();
  for (const match of text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = slug(match[1] ?? "");
    let anchor = base;
    for (let n = 1; anchors.has(anchor); n += 1) anchor = `${base}-${n}`;
    anchors.add(anchor);
  }
  return anchors;
}

const ISSUE = /\b(issues?|pull requests?|PRs?)\s*#?\d+\b|(^|[\s(])#\d+\b/i;
const OUTSIDE = /\bTOOLCHAIN\.md\b|\.\.\/shared\//;
const DOCS = /\bdocs\/([\w.-]+\.md)(#[\w-]+)?/g;

export interface CitationProblem {
  file: string;
  line: number;
  problem: string;
}

/** The hand-written source files git knows (generated files, fixtures and dependencies left out). */
export function handWrittenSources(root: string): string[] {
  return execFileSync("git", ["-C", root, "ls-files", "--cached", "--others", "--exclude-standard"], {
    encoding: "utf8",
  })
    .split("\n")
    .filter((file) => SOURCE.test(file) && !/(^|\/)(node_modules|dist|fixtures)\//.test(file))
    .filter((file) => existsSync(join(root, file)))
    .filter((file) => !GENERATED.test(readFileSync(join(root, file), "utf8").split("\n").slice(0, 3).join("\n")));
}

export function citationProblems(root: string, files: readonly string[] = handWrittenSources(root)): CitationProblem[] {
  const problems: CitationProblem[] = [];
  const anchors = new Map<string, Set<string>>();
  for (const file of files) {
    for (const comment of commentsOf(readFileSync(join(root, file), "utf8"))) {
      const issue = ISSUE.exec(comment.text);
      if (issue)
        problems.push({
          file,
          line: comment.line,
          problem: `cites "${issue[0].trim()}": cite a section of docs/ instead`,
        });
      const outside = OUTSIDE.exec(comment.text);
      if (outside)
        problems.push({ file, line: comment.line, problem: `cites ${outside[0]}, which is not in the repository` });
      for (const [, doc = "", anchor] of comment.text.matchAll(DOCS)) {
        const path = `docs/${doc}`;
        if (!existsSync(join(root, path))) {
          problems.push({ file, line: comment.line, problem: `cites ${path}, which does not exist` });
          continue;
        }
        if (!anchor) continue;
        if (!anchors.has(path)) anchors.set(path, anchorsOf(root, path));
        if (!anchors.get(path)?.has(anchor.slice(1))) {
          problems.push({
            file,
            line: comment.line,
            problem: `cites ${path}${anchor}, a section ${path} does not have`,
          });
        }
      }
    }
  }
  return problems;
}
