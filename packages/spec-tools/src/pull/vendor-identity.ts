// Is a pulled document really this vendor's API, and not another vendor's (a wrong URL, a docs
// site serving another page, a file sent for the wrong vendor)?
//
// Each vendor has three marks, taken from its current spec and vendor.yaml:
//   - its update operation (method and path from vendor.yaml; path parameter names ignored),
//   - its document title (info.title),
//   - the hosts of its server URLs.
// A document is accepted for vendor X when it carries at least one of X's marks and more of X's
// marks than of any other vendor's. A vendor that changes all three at once (a new title, a new
// host and a moved operation) is refused too: after checking by hand, `--accept-identity` takes it.
import { arrayOr, objectOr } from "../json.js";

const shape = (path: string): string => path.replace(/\{[^}]+\}/g, "{}");

function hosts(doc: unknown): Set<string> {
  const out = new Set<string>();
  for (const server of arrayOr(objectOr(doc).servers)) {
    try {
      out.add(new URL(String(objectOr(server).url)).host.toLowerCase());
    } catch {
      // relative or templated server URL: not a mark
    }
  }
  return out;
}

export interface Marks {
  title?: string;
  hosts: Set<string>;
  update?: { method: string; path: string };
}

export function vendorMarks(currentDoc: unknown, update: { method: string; path: string } | undefined): Marks {
  const title = objectOr(objectOr(currentDoc).info).title;
  return {
    ...(typeof title === "string" ? { title } : {}),
    hosts: hosts(currentDoc),
    ...(update ? { update } : {}),
  };
}

/** Which of the marks the document carries: a list of human-readable matches. */
export function matchMarks(doc: unknown, marks: Marks): string[] {
  const found: string[] = [];
  if (marks.update) {
    const { method, path } = marks.update;
    const wanted = shape(path);
    const hit = Object.entries(objectOr(objectOr(doc).paths)).some(
      ([p, item]) => shape(p) === wanted && typeof item === "object" && item !== null && method in item,
    );
    if (hit) found.push(`its operation ${method.toUpperCase()} ${path}`);
  }
  if (marks.title && objectOr(objectOr(doc).info).title === marks.title) found.push(`its title "${marks.title}"`);
  const docHosts = hosts(doc);
  for (const host of marks.hosts) if (docHosts.has(host)) found.push(`its server ${host}`);
  return found;
}

export type Identity = { ok: true } | { ok: false; reason: string };

export function checkIdentity(doc: unknown, vendor: string, allMarks: Record<string, Marks>): Identity {
  const own = matchMarks(doc, allMarks[vendor] ?? { hosts: new Set() });
  let best: { other: string; found: string[] } | undefined;
  for (const [other, marks] of Object.entries(allMarks)) {
    if (other === vendor) continue;
    const found = matchMarks(doc, marks);
    if (found.length && (!best || found.length > best.found.length)) best = { other, found };
  }
  if (best && best.found.length >= own.length) {
    return {
      ok: false,
      reason: `the document looks like ${best.other}'s API, not ${vendor}'s: it has ${best.found.join(", ")}${own.length ? ` (and only ${own.join(", ")} of ${vendor}'s)` : ""}`,
    };
  }
  if (!own.length) {
    const m = allMarks[vendor] ?? { hosts: new Set<string>() };
    const expected = [
      m.update && `the operation ${m.update.method.toUpperCase()} ${m.update.path}`,
      m.title && `the title "${m.title}"`,
      m.hosts.size && `a server on ${[...m.hosts].join(" or ")}`,
    ].filter(Boolean);
    const title = objectOr(objectOr(doc).info).title;
    return {
      ok: false,
      reason: `the document has none of ${vendor}'s marks (${expected.join(", ")}); it is titled "${title ?? "(no title)"}". If ${vendor} really changed all of them, check by hand and re-run with --accept-identity`,
    };
  }
  return { ok: true };
}
