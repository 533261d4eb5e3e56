// Response validation's CPU per call: each vendor's generated validator
// (`@phonebridge/<vendor>/validate`'s `update`, what the facade runs on every 2xx JSON object) on
// the 200 body its Prism mock answers (the spec's example, which conforms), and on the same body
// drifted (its first field of another type), beside `JSON.parse` of the same text, which every
// call pays anyway, as a yardstick. Variants alternate in blocks within one process; reported:
// the median CPU per call over the rounds (process.cpuUsage, user + system).
//
//   node bench/drift.mjs [--quick]      (prints a table on stderr and one JSON line on stdout)
import { parseArgs } from "node:util";
import { loadFixtures, PROVIDERS } from "./lib/fixtures.mjs";
import { loadPackage, median } from "./lib/load.mjs";

const { values: args } = parseArgs({ options: { quick: { type: "boolean", default: false } } });
const ROUNDS = args.quick ? 8 : 24;
const BLOCK = 20_000;

const VENDORS = await loadFixtures();

/** CPU nanoseconds per call of `call`, over one block. */
function block(call) {
  let sink = 0;
  const start = process.cpuUsage();
  for (let i = 0; i < BLOCK; i += 1) sink += call();
  const { user, system } = process.cpuUsage(start);
  if (sink < 0) throw new Error("unreachable");
  return ((user + system) * 1000) / BLOCK;
}

const rows = [];
for (const provider of PROVIDERS) {
  const loaded = await loadPackage(provider, "./validate");
  if (loaded.skipped) throw new Error(loaded.skipped);
  const check = loaded.module.responseValidators.update;
  const body = VENDORS[provider].response;
  const text = JSON.stringify(body);
  const [first] = Object.keys(body);
  const drifted = { ...body, [first]: typeof body[first] === "number" ? "x" : 5 };
  if (check(body).length !== 0)
    throw new Error(`${provider}: the spec's example drifts: ${JSON.stringify(check(body))}`);
  if (check(drifted).length === 0) throw new Error(`${provider}: the drifted body does not drift`);
  const variants = {
    validate: () => check(body).length,
    validateDrifted: () => check(drifted).length,
    jsonParse: () => (JSON.parse(text) === null ? 0 : 1),
  };
  const samples = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (const call of Object.values(variants)) block(call); // warm-up
  for (let round = 0; round < ROUNDS; round += 1) {
    const names = Object.keys(variants);
    if (round % 2) names.reverse();
    for (const name of names) samples[name].push(block(variants[name]));
  }
  const ns = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, Math.round(median(values))]));
  rows.push({ provider, bodyBytes: text.length, nsPerCall: ns });
}

process.stderr.write("| vendor | body bytes | validate (conforming) | validate (drifted) | JSON.parse of the body |\n");
process.stderr.write("|---|---:|---:|---:|---:|\n");
for (const r of rows) {
  const us = (n) => `${(n / 1000).toFixed(2)} µs`;
  process.stderr.write(
    `| ${r.provider} | ${r.bodyBytes} | ${us(r.nsPerCall.validate)} | ${us(r.nsPerCall.validateDrifted)} | ${us(r.nsPerCall.jsonParse)} |\n`,
  );
}
console.log(JSON.stringify({ rounds: ROUNDS, block: BLOCK, rows }));
