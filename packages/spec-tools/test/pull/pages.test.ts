// specs:pull on a spec of several pages (src/pull/pull.ts): every published page is fetched from
// its own URL in provenance.yaml, each is compared with its own file, the change is classified on
// the assembled spec and reported per page, and only the changed page's provenance entry moves
// (specs/README.md#specs-from-several-pages).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { pullVendor } from "../../src/pull/pull.js";
import { repoCopy, snapshot } from "../helpers.js";

let repo: ReturnType<typeof repoCopy>;
beforeAll(() => {
  repo = repoCopy();
});
afterAll(() => repo?.cleanup());

const read = (path: string) => readFileSync(join(repo.root, path), "utf8");
/** A docs page holding `text` in a fenced block, as Retell publishes it. */
const docsPage = (text: string) => `# A page\n\n\`\`\`\`yaml openapi-final\n${text}\`\`\`\``;

/** A fetch that serves each URL from `pages`, and records what was asked. */
function site(pages: Record<string, string>) {
  const asked: string[] = [];
  const fetchImpl = (async (input: string | URL | Request) => {
    const url = String(input);
    asked.push(url);
    const body = pages[url];
    return body === undefined ? new Response("not found", { status: 404 }) : new Response(body, { status: 200 });
  }) as typeof fetch;
  return { asked, fetchImpl };
}

const RETELL_UPDATE = "https://docs.retellai.com/api-references/update-phone-number";
const RETELL_LIST = "https://docs.retellai.com/api-references/list-phone-numbers";

describe("specs:pull retell, a spec of several pages", () => {
  it("fetches every published page from its own URL and says no change for each", async () => {
    const before = snapshot(repo.root);
    const { asked, fetchImpl } = site({
      [RETELL_UPDATE]: docsPage(read("specs/retell/openapi.yaml")),
      [RETELL_LIST]: docsPage(read("specs/retell/list-phone-numbers.yaml")),
    });
    const outcome = await pullVendor({
      root: repo.root,
      vendor: "retell",
      fetchImpl,
      today: "2031-01-02",
      skipGenerate: true,
    });
    expect(outcome).toMatchObject({ status: "no-change", exitCode: 0 });
    // The hand-written get page is not pulled.
    expect(asked).toEqual([RETELL_UPDATE, RETELL_LIST]);
    expect(outcome.lines.join("\n")).toMatch(/no change in openapi\.yaml[\s\S]*no change in list-phone-numbers\.yaml/);
    expect(snapshot(repo.root)).toEqual(before);
  });

  it("writes a changed list page, says what it changes under its name, and dates only its entry", async () => {
    const list = read("specs/retell/list-phone-numbers.yaml");
    const changed = list.replace(
      "description: List phone numbers with pagination",
      "description: List your phone numbers",
    );
    expect(changed).not.toBe(list);
    const provenanceBefore = parse(read("specs/retell/provenance.yaml"));
    const { fetchImpl } = site({
      [RETELL_UPDATE]: docsPage(read("specs/retell/openapi.yaml")),
      [RETELL_LIST]: docsPage(changed),
    });
    const outcome = await pullVendor({
      root: repo.root,
      vendor: "retell",
      fetchImpl,
      today: "2031-01-02",
      skipGenerate: true,
    });
    expect(outcome).toMatchObject({ status: "updated", exitCode: 0 });
    const text = outcome.lines.join("\n");
    expect(text).toMatch(/list-phone-numbers\.yaml \(revision 2026-08-01-ad84c11\): 1 change\(s\) to the spec/);
    expect(text).toMatch(/updated list-phone-numbers\.yaml from/);
    expect(read("specs/retell/list-phone-numbers.yaml")).toBe(changed);
    const provenance = parse(read("specs/retell/provenance.yaml"));
    const entry = (p: typeof provenance, file: string) => p.pages.find((page: { file: string }) => page.file === file);
    expect(entry(provenance, "list-phone-numbers.yaml").retrieved).toBe("2031-01-02");
    expect(entry(provenance, "list-phone-numbers.yaml").sha256).not.toBe(
      entry(provenanceBefore, "list-phone-numbers.yaml").sha256,
    );
    expect(entry(provenance, "openapi.yaml")).toEqual(entry(provenanceBefore, "openapi.yaml"));
    expect(provenance.conflicts).toEqual(provenanceBefore.conflicts);
  });

  it("refuses --page naming a page that is written by hand, touching nothing", async () => {
    const before = snapshot(repo.root);
    const outcome = await pullVendor({
      root: repo.root,
      vendor: "retell",
      from: join(repo.root, "specs/retell/get-phone-number.yaml"),
      page: "get-phone-number.yaml",
      today: "2031-01-02",
      skipGenerate: true,
    });
    expect(outcome).toMatchObject({ status: "refused", exitCode: 1 });
    expect(outcome.lines.join("\n")).toMatch(
      /--page get-phone-number\.yaml is not a published page of specs\/retell\/vendor\.yaml \(openapi\.yaml, list-phone-numbers\.yaml\)/,
    );
    expect(snapshot(repo.root)).toEqual(before);
  });
});

describe("specs:pull vogent, three HTML pages", () => {
  it("compares each page with its own file, zero-width spaces aside", async () => {
    const before = snapshot(repo.root);
    const strip = (text: string) => text.replace(/\u200b/g, "");
    const get = read("specs/vogent/get-phone-number.txt");
    expect(get).toMatch(/\u200b/);
    const { asked, fetchImpl } = site({
      "https://docs.vogent.ai/api-reference/update-phone-number": read("specs/vogent/page.txt"),
      "https://docs.vogent.ai/api-reference/get-phone-number": strip(get),
      "https://docs.vogent.ai/api-reference/list-phone-numbers": strip(read("specs/vogent/list-phone-numbers.txt")),
    });
    const outcome = await pullVendor({
      root: repo.root,
      vendor: "vogent",
      fetchImpl,
      today: "2031-01-02",
      skipGenerate: true,
    });
    expect(outcome).toMatchObject({ status: "no-change", exitCode: 0 });
    expect(asked).toHaveLength(3);
    expect(snapshot(repo.root)).toEqual(before);
  });
});
