// The corpus of spec changes: each case a small patch to a real vendor's effective spec
// (document + overlay, as in specs/), with the bump the rule table gives it, the kind of change
// the classifier must name, whether the facade's adapter must follow, and every change it reports
// (`changes`: each one's bump, kind, side, operation, field and sentence, as `describeChange`
// writes it). `base` (optional) is applied to both sides first, to set up a starting point the
// vendor's spec lacks (an enum on a request field, say). The cases live beside the test of the module they exercise
// (`<object>.cases.ts`), and `describeCorpus` runs them, with oasdiff's cross-check.
import { describe, expect, it } from "vitest";
import type { Bump, Change, Kind } from "../../src/diff/change.js";
import { diffSpecs } from "../../src/diff/index.js";
import { oasdiffChangelog, unexplained } from "../../src/oasdiff/cross-check.js";
import { facadeChanges } from "../../src/release/facade-fields.js";
import { effectiveSpec, readWorking, type UpdateOperation, updateOperation } from "../../src/release/spec-release.js";
import { REPO } from "../helpers.js";

// biome-ignore lint/suspicious/noExplicitAny: the cases edit real vendor documents of any shape
export type Doc = Record<string, any>;

export interface CorpusCase {
  vendor: string;
  name: string;
  bump: Bump;
  kind: Kind;
  base?: (doc: Doc) => void;
  patch: (doc: Doc) => void;
  /** Whether the facade's adapter for the vendor must follow (checked when given). */
  facade?: boolean;
  /** Every change the classifier reports, in order, as `describeChange` writes them. */
  changes: string[];
}

export const VENDORS = ["cald", "cartesia", "retell", "verbex", "vogent"];
export const SPECS: Record<string, Doc> = {};
export const UPDATES: Record<string, UpdateOperation | undefined> = {};
for (const vendor of VENDORS) {
  const files = readWorking(REPO, vendor);
  SPECS[vendor] = effectiveSpec(files, vendor).spec as Doc;
  UPDATES[vendor] = updateOperation(files);
}

export const RETELL = "/update-phone-number/{phone_number}";
export const CARTESIA = "/agents/phone-numbers/{id}";
export const VERBEX = "/v1/phone-numbers/{phone_number_id}";
export const CALD = "/phonenumbers/{phoneNumberId}";
export const VOGENT = "/phone_numbers/{id}";

export const retellBody = (d: Doc): Doc => d.paths[RETELL].patch.requestBody.content["application/json"].schema;
export const retellResponse = (d: Doc): Doc => d.components.schemas.PhoneNumberResponse;
export const cartesiaOp = (d: Doc): Doc => d.paths[CARTESIA].patch;
export const verbexSchemas = (d: Doc): Doc => d.components.schemas;
export const caldBody = (d: Doc): Doc => d.paths[CALD].patch.requestBody.content["application/json"].schema;
export const vogentOp = (d: Doc): Doc => d.paths[VOGENT].put;

/** Renames a key in place, keeping its position. */
export function renameKey(obj: Doc, from: string, to: string): void {
  const entries = Object.entries(obj).map(([k, v]) => [k === from ? to : k, v]);
  for (const k of Object.keys(obj)) delete obj[k];
  Object.assign(obj, Object.fromEntries(entries));
}

/**
 * A change on one line: `<bump> <kind> (<side>, <operation>, field <field>, renamed to <name>,
 * was required|optional): <sentence>`, the parts in brackets when the change has them.
 */
export function describeChange(c: Change): string {
  const where = [
    c.side,
    c.operation,
    c.field === undefined ? undefined : `field ${c.field}`,
    c.renamedTo === undefined ? undefined : `renamed to ${c.renamedTo}`,
    c.wasRequired === undefined ? undefined : c.wasRequired ? "was required" : "was optional",
  ];
  return `${c.bump} ${c.kind} (${where.filter(Boolean).join(", ")}): ${c.sentence}`;
}

/** What holds for every change the classifier reports. */
export function expectWellFormed(changes: readonly Change[]): void {
  for (const c of changes) {
    expect(c.sentence).toMatch(/^[A-Z`].*\.$/s);
    expect(c.sentence).not.toMatch(/(^|[^`])undefined|\[object Object\]/);
    // A change in an operation names it; one to the document as a whole does not.
    expect(c.operation === undefined, describeChange(c)).toBe(c.side === "document");
    // The field a change names is the one its sentence quotes (group.ts relies on it).
    if (c.field !== undefined)
      expect(c.sentence, describeChange(c)).toContain(`\`${c.field.replace(/\.\[\]/g, "[]")}\``);
  }
}

/** The case's two effective specs: before and after its patch. */
export function pair(entry: CorpusCase): [Doc, Doc] {
  const before = structuredClone(SPECS[entry.vendor] ?? {});
  entry.base?.(before);
  const after = structuredClone(before);
  entry.patch(after);
  return [before, after];
}

/** One test per case, and oasdiff's cross-check over all of them. */
export function describeCorpus(cases: readonly CorpusCase[]): void {
  for (const entry of cases) {
    it(`${entry.vendor}: ${entry.name} → ${entry.bump}`, () => {
      const [before, after] = pair(entry);
      const { changes, bump } = diffSpecs(before, after);
      expect(changes.map((c) => c.kind)).toContain(entry.kind);
      expect(bump, changes.map((c) => `${c.bump} ${c.sentence}`).join("\n")).toBe(entry.bump);
      expect(changes.map(describeChange)).toEqual(entry.changes);
      expectWellFormed(changes);
      if (entry.facade !== undefined) {
        expect(facadeChanges(changes, UPDATES[entry.vendor]).length > 0).toBe(entry.facade);
      }
    });
  }
  describe("cross-check with oasdiff (offline, its binary from npm)", () => {
    it("every finding oasdiff reports on these cases is one the classifier accounts for", async () => {
      const unaccounted = await Promise.all(
        cases.map(async (entry) => {
          const [before, after] = pair(entry);
          const run = await oasdiffChangelog(before, after);
          if ("error" in run) return `${entry.name}: oasdiff could not run (${run.error})`;
          const extra = unexplained(diffSpecs(before, after).changes, run.changes);
          return extra.length ? `${entry.name}: ${extra.map((c) => c.sentence).join(" / ")}` : undefined;
        }),
      );
      expect(unaccounted.filter(Boolean)).toEqual([]);
    });
  });
}
