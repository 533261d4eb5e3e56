// The lines `specs:pull` and `specs:diff` print for a vendor's changes.
import type { VendorDiff } from "../release/analyze.js";
import { order } from "../release/changesets.js";

export function describeResult(result: VendorDiff): string[] {
  const out: string[] = [];
  if (!result.base) return out;
  if (!result.changes.length) {
    out.push(`  no change since ${result.base.label}`);
    return out;
  }
  out.push(`  since ${result.base.label}: ${result.bump} for @phonebridge/${result.vendor}`);
  for (const c of order(result.changes)) out.push(`    ${c.bump.padEnd(5)} ${c.sentence}`);
  for (const w of result.warnings ?? []) out.push(`  warning: ${w}`);
  if (result.facade.length) {
    out.push(`  the facade's ${result.vendor} adapter must follow: ${result.facadeBump} for @phonebridge/facade`);
    for (const c of order(result.facade)) out.push(`    ${c.bump.padEnd(5)} ${c.sentence}`);
  }
  return out;
}
