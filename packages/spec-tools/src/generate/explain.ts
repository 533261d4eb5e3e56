// When the generator cannot convert a vendor's document: an error that says where, as a JSON
// Pointer into the document as the vendor published it, and which overlay fix would make it
// readable, instead of the stack trace of the library that tripped over it
// (docs/adding-a-vendor.md#when-the-generator-cannot-read-the-document).
import { isDeepStrictEqual } from "node:util";
import { stringify } from "yaml";
import { errorMessage } from "../json.js";
import { unreadableParts } from "../openapi/readable.js";
import { ABSENT, lookup, parsePointer } from "../openapi/ref.js";
import { validateOpenApi } from "../openapi/validate.js";
import type { VendorSpec } from "../spec/vendor-spec.js";

/** An error whose message is the whole story: the bins print it without a stack. */
export class GenerateError extends Error {
  override name = "GenerateError";
}

const indent = (text: string, by: string) => text.replace(/^(?=.)/gm, by);

/** Where a pointer of the effective spec stands in the page it comes from, as published. */
function origin({ vendor, spec, assembly }: VendorSpec, pointer: string): string {
  const from = assembly.origin(pointer);
  const document = assembly.documents.find((doc) => doc.file === from.file)?.document;
  const published = lookup(document, parsePointer(from.pointer));
  return published !== ABSENT && isDeepStrictEqual(published, lookup(spec, parsePointer(pointer)))
    ? `in specs/${vendor}/${from.file}${from.pointer === pointer ? "" : ` at ${from.pointer}`} as published`
    : `as specs/${vendor}/overlay.yaml leaves it`;
}

/** The error of a failed conversion of `loaded`, explained. */
export async function explainFailure(loaded: VendorSpec, error: unknown): Promise<GenerateError> {
  const { vendor } = loaded;
  const overlay = `specs/${vendor}/overlay.yaml`;
  const unreadable = unreadableParts(loaded.spec);
  if (unreadable.length) {
    const lines = [`specs/${vendor}: the generator cannot read the document:`];
    for (const part of unreadable) lines.push(`  ${part.pointer} (${origin(loaded, part.pointer)}): ${part.problem}`);
    lines.push(
      `Fix the document with an overlay fix in ${overlay}: it names the place, what the vendor published there`,
      "and what phonebridge reads instead (specs/README.md#overlay-format). For example:",
    );
    const fixes = unreadable
      .filter((part) => part.fix !== undefined)
      .map(({ fix, problem }) => ({
        name: fix?.name,
        reason: `${problem} (invalid OpenAPI; the tools cannot read it)`,
        target: fix?.target,
        expect: fix?.expect,
        set: fix?.set,
      }));
    const example = fixes.length
      ? { fixes }
      : {
          fixes: [
            {
              name: "<short-name>",
              reason: "<why>",
              target: unreadable[0]?.pointer,
              expect: "<as published>",
              set: "<readable>",
            },
          ],
        };
    lines.push(indent(stringify(example, { lineWidth: 0 }).trimEnd(), "  "));
    return new GenerateError(lines.join("\n"));
  }
  const invalid = await validateOpenApi(loaded.spec);
  const lines = [
    `specs/${vendor}: the generator failed on the document (with ${overlay} applied): ${errorMessage(error).split("\n")[0]}`,
  ];
  if (invalid.length) {
    lines.push(
      "The document is not valid OpenAPI there (JSON Pointers into the document; fix each with an overlay fix,",
      `specs/README.md#overlay-format):`,
      ...invalid.slice(0, 10).map((problem) => `  - ${problem}`),
    );
  }
  return new GenerateError(lines.join("\n"));
}
