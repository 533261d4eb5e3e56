import { encodePathSegment } from "@phonebridge/core";
import { isProvider } from "./providers.js";
import { clip, quote, type Scrubber } from "./quote.js";
import type { InputRow } from "./rows.js";
import { UsageError } from "./usage-error.js";

/**
 * Refuses a file that names the same phone number in more than one row: rows run concurrently
 * and retry on their own, so an older row could land after a newer one and leave the number on
 * the wrong agent with both rows ok (CONTRACT.md, CLI). Numbers are compared as they would be
 * sent: the provider as rows are read (trimmed, lower case), the id as its path segment.
 */
export function refuseDuplicates(path: string, rows: readonly InputRow[], secrets?: Scrubber): void {
  const byNumber = new Map<string, InputRow[]>();
  for (const row of rows) {
    const provider = row.provider?.trim().toLowerCase();
    if (!isProvider(provider) || row.id === undefined) continue;
    const segment = encodePathSegment(row.id);
    if (segment === undefined) continue;
    const key = `${provider}/${segment}`;
    const same = byNumber.get(key);
    if (same) same.push(row);
    else byNumber.set(key, [row]);
  }
  const groups = [...byNumber.entries()].filter(([, same]) => same.length > 1);
  if (groups.length === 0) return;
  const lines = groups.map(([key, same]) => {
    const provider = key.slice(0, key.indexOf("/"));
    return `  rows ${same.map((row) => row.row).join(", ")}: ${provider} ${quote((same[0] as InputRow).id ?? "", secrets)}`;
  });
  throw new UsageError(
    `${clip(path)}: ${groups.length === 1 ? "a phone number appears" : `${groups.length} phone numbers appear`} ` +
      "in more than one row; keep one row per number (rows run at once and retry on their own, " +
      `so an older row could land last). Nothing sent.\n${lines.join("\n")}`,
  );
}
