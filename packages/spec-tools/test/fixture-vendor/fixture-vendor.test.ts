// A sixth vendor, added the way docs/adding-a-vendor.md says: its folder in specs/ and one adapter
// file, nothing else by hand (docs/adding-a-vendor.md#the-worked-example-voxtel). In a throwaway
// copy of the repository (never in the real specs/, never shipped): install from the warm pnpm
// store, generate, build, then check every surface picks the vendor up: the registry, the vendor
// package and its contract test on Prism, the facade's entry, limits and capability table, the
// CLI (update, apply, --mock, --dry-run, help) and the testing kit's setup.
//
// The fixture ("Voxtel", in fixtures/) has what the five vendors lack: a `oneOf` request body, a
// UUID id, a 40-character name limit, and a published document the tools cannot read without an
// overlay fix. Slow (about 1.5 to 3 minutes on 2 cores, most of it the build): one test file,
// run by `pnpm test` with the tools' tests.
import { type ExecFileSyncOptions, execFileSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pnpmCommand } from "../../src/packages/manifest.js";
import { repoCopy } from "../helpers.js";

const VENDOR = "voxtel";
const ID = "3f2b8c1e-4d5a-4b6c-9e7f-0a1b2c3d4e5f";
const FIXTURES = new URL("fixtures/", import.meta.url);

let repo: ReturnType<typeof repoCopy>;
let root: string;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: "1",
  CI: "true",
  FORCE_COLOR: "0",
  NO_COLOR: "1",
};
// The repository's own mocks (shared by `pnpm test`) know nothing of the fixture.
delete env.PHONEBRIDGE_MOCK_URLS;

/** Runs a command in the copy; on failure, throws with its output's tail. */
function sh(file: string, args: readonly string[], options: ExecFileSyncOptions = {}): string {
  try {
    return execFileSync(file, args, {
      cwd: root,
      env,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      ...options,
    }).toString();
  } catch (error) {
    const { stdout = "", stderr = "", status } = error as { stdout?: string; stderr?: string; status?: number };
    throw new Error(`${file} ${args.join(" ")} exited ${status}:\n${`${stdout}${stderr}`.slice(-4000)}`);
  }
}
const pnpm = (...args: string[]) => {
  const [file, rest] = pnpmCommand(args);
  return sh(file, rest);
};
const node = (...args: string[]) => sh(process.execPath, args);
/** The CLI of the copy; resolves with its exit code and output (a non-zero exit is not an error here). */
function phonebridge(...args: string[]): { code: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(process.execPath, [join(root, "packages/cli/dist/bin.js"), ...args], {
      cwd: root,
      env,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { code: 0, stdout, stderr: "" };
  } catch (error) {
    const { stdout = "", stderr = "", status } = error as { stdout?: string; stderr?: string; status?: number };
    return { code: status ?? 1, stdout, stderr };
  }
}
const importFrom = <T>(path: string): Promise<T> => import(pathToFileURL(join(root, path)).href) as Promise<T>;

beforeAll(() => {
  repo = repoCopy();
  root = repo.root;
  // What a newcomer writes: the vendor's folder in specs/ and the facade adapter. Nothing else.
  cpSync(new URL(`specs/${VENDOR}`, FIXTURES), join(root, "specs", VENDOR), { recursive: true });
  cpSync(new URL("adapter.ts", FIXTURES), join(root, "packages/facade/src/adapters", `${VENDOR}.ts`));
  pnpm("install", "--offline", "--no-frozen-lockfile");
  sh(join(root, "packages/spec-tools/node_modules/.bin/tsc"), ["-p", "packages/spec-tools/tsconfig.build.json"]);
  node("packages/spec-tools/dist/bin/generate.js");
  // The new vendor package joins the workspace: link it.
  pnpm("install", "--offline", "--no-frozen-lockfile");
  sh(join(root, "node_modules/.bin/turbo"), ["run", "build", "--output-logs=errors-only", "--concurrency=2"]);
  node("packages/facade/scripts/readme.mjs");
}, 900_000);

afterAll(() => repo?.cleanup());

describe(`a vendor added as specs/${VENDOR}/ and one adapter file`, () => {
  it("is in the registry, and the generated files are what the generator makes", async () => {
    const core = await importFrom<{ PROVIDERS: readonly string[]; providerTitle(p: string): string }>(
      "packages/core/dist/index.js",
    );
    expect(core.PROVIDERS).toContain(VENDOR);
    expect([...core.PROVIDERS]).toEqual([...core.PROVIDERS].sort());
    expect(core.providerTitle(VENDOR)).toBe("Voxtel");
    expect(node("packages/spec-tools/dist/bin/generate.js", "--check")).toContain("generated packages are fresh");
  });

  it("is named by no hand-written file outside its own places", () => {
    const own = [`specs/${VENDOR}/`, `packages/${VENDOR}/`, `packages/facade/src/adapters/${VENDOR}.ts`];
    const skip = new Set(["node_modules", "dist", ".turbo", ".git", "pnpm-lock.yaml"]);
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (skip.has(entry.name)) continue;
        const path = join(dir, entry.name);
        const shown = relative(root, path);
        if (entry.isDirectory()) walk(path);
        else if (!own.some((place) => shown.startsWith(place)) && !/\.md$|\/test\/|\/fixtures\//.test(shown)) {
          const text = readFileSync(path, "utf8");
          if (text.toLowerCase().includes(VENDOR) && !/generated/i.test(text.split("\n").slice(0, 5).join("\n"))) {
            found.push(shown);
          }
        }
      }
    };
    walk(root);
    expect(found).toEqual([]);
  });

  it("has a vendor package whose descriptor carries the spec's limits, and whose contract test passes on Prism", async () => {
    const pkg = await importFrom<{ voxtelDescriptor: { limits: unknown; auth: unknown } }>(
      `packages/${VENDOR}/dist/index.js`,
    );
    expect(pkg.voxtelDescriptor.limits).toEqual({
      id: { format: "uuid" },
      body: { display_name: { maxLength: 40, minLength: 1 } },
    });
    expect(pkg.voxtelDescriptor.auth).toEqual({ header: "X-Api-Key", scheme: "raw", declared: true });
    // Its generated contract test, against a Prism mock its generated vitest setup entry starts.
    const out = sh(join(root, `packages/${VENDOR}/node_modules/.bin/vitest`), ["run"], {
      cwd: join(root, "packages", VENDOR),
    });
    expect(out).toMatch(/Tests\s+\d+ passed \(\d+\)/);
    expect(out).not.toMatch(/failed/);
  });

  it("has a facade entry, checks the spec's limits, and a column in the capability table", async () => {
    const manifest = JSON.parse(readFileSync(join(root, "packages/facade/package.json"), "utf8"));
    expect(manifest.exports[`./${VENDOR}`]).toEqual({
      types: `./dist/generated/entries/${VENDOR}.d.ts`,
      default: `./dist/generated/entries/${VENDOR}.js`,
    });
    expect(manifest.dependencies[`@phonebridge/${VENDOR}`]).toBe("workspace:^");
    type Phones = { plan(id: string, changes: object): { url: string; body: unknown } };
    const entry = await importFrom<{ createPhoneNumbers(options: object): Phones }>(
      `packages/facade/dist/generated/entries/${VENDOR}.js`,
    );
    const phones = entry.createPhoneNumbers({ apiKey: "k" });
    expect(phones.plan(ID, { agentId: "va_1", label: "Front desk" })).toMatchObject({
      url: `https://api.voxtel.example/v2/numbers/${ID}`,
      body: { voice_agent_id: "va_1", display_name: "Front desk" },
    });
    expect(() => phones.plan(ID, { label: "x".repeat(41) })).toThrow(
      expect.objectContaining({
        code: "invalid_input",
        field: "label",
        message: expect.stringMatching(/Voxtel's display_name allows 40/),
      }),
    );
    expect(() => phones.plan("pn_1", { agentId: "va_1" })).toThrow(
      expect.objectContaining({ code: "invalid_input", field: "id", message: expect.stringMatching(/not a uuid/) }),
    );
    expect(() => phones.plan(ID, { label: null })).toThrow(expect.objectContaining({ code: "unsupported_change" }));
    const readme = readFileSync(join(root, "packages/facade/README.md"), "utf8");
    expect(readme).toMatch(/\| change \|.* Voxtel \|/);
    expect(readme).toContain('✓ `{"voice_agent_id":"A"}`');
    expect(readme).toContain(
      "- Voxtel `label` (`display_name`): its display_name is not nullable: it cannot be cleared.",
    );
  });

  it("is a provider of the CLI: update and apply on its mock, a dry run, the help", () => {
    const updated = phonebridge("update", VENDOR, ID, "--agent", "va_1", "--label", "Front desk", "--mock", "--json");
    expect(updated.stderr).toBe("");
    expect(updated.code).toBe(0);
    expect(JSON.parse(updated.stdout)).toMatchObject({ provider: VENDOR, id: ID, number: "+14155550123" });

    const rows = join(root, "rows.csv");
    writeFileSync(rows, `provider,id,agent,label\n${VENDOR},${ID},va_1,Lobby\n${VENDOR},pn_1,va_1,\n`);
    const applied = phonebridge("apply", rows, "--mock", "--json");
    expect(applied.code).toBe(1);
    expect(JSON.parse(applied.stdout)).toMatchObject({ rows: 2, ok: 1, bad: 1 });

    const dry = phonebridge("update", VENDOR, ID, "--agent", "va_1", "--dry-run", "--api-key", "sk_fixture_key_1234");
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`PATCH https://api.voxtel.example/v2/numbers/${ID}`);
    expect(dry.stdout).toContain("x-api-key: [redacted]");
    expect(dry.stdout).not.toContain("sk_fixture_key_1234");

    const help = phonebridge("help", "update");
    expect(help.stdout).toMatch(new RegExp(`^  ${VENDOR}\\s+agent, label \\(set only\\)\\s+id like ${ID}$`, "m"));
    expect(help.stdout).toContain("VOXTEL_API_KEY");
  });

  it("has a setup entry and a peer dependency in the testing kit", () => {
    expect(existsSync(join(root, `packages/testing/dist/generated/vitest-setup/${VENDOR}.js`))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(root, "packages/testing/package.json"), "utf8"));
    expect(manifest.peerDependencies[`@phonebridge/${VENDOR}`]).toBe("workspace:^");
    expect(readFileSync(join(root, `packages/${VENDOR}/vitest.config.ts`), "utf8")).toContain(
      `@phonebridge/testing/vitest-setup/${VENDOR}`,
    );
  });
});
