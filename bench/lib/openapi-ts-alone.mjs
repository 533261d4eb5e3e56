// openapi-typescript alone, as a program: read a JSON spec, convert it, write the types.
//   node bench/lib/openapi-ts-alone.mjs <spec.json> <out.ts>
// Prints one JSON line: the conversion's seconds (openapiTS + astToString) and the process's
// peak RSS. The generation benchmark times the whole process from outside, like the generator's.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "./load.mjs";

const [spec, out] = process.argv.slice(2);
// openapi-typescript is the tools' dependency (packages/spec-tools), not the bench's.
const entry = join(ROOT, "packages/spec-tools/node_modules/openapi-typescript/dist/index.mjs");
const { default: openapiTS, astToString } = await import(pathToFileURL(entry).href);
const doc = JSON.parse(readFileSync(spec, "utf8"));
const start = performance.now();
const ts = astToString(await openapiTS(doc, { silent: true }));
const seconds = (performance.now() - start) / 1000;
writeFileSync(out, ts);
const operations = Object.values(doc.paths ?? {}).reduce(
  (n, item) =>
    n +
    Object.keys(item).filter((k) => ["get", "put", "post", "delete", "patch", "head", "options", "trace"].includes(k))
      .length,
  0,
);
console.log(
  JSON.stringify({
    seconds,
    operations,
    schemas: Object.keys(doc.components?.schemas ?? {}).length,
    outputBytes: Buffer.byteLength(ts),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
