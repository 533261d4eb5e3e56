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

const shape = (path) => String(path).replace(/\{[^}]+\}/g, "{}");

function hosts(doc) {
  const out = new Set();
  for (const s of Array.isArray(doc?.servers) ? doc.servers : []) {
    try {
      out.add(new URL(String(s.url)).host.toLowerCase());
    } catch {
      // relative or templated server URL: not a mark
    }
  }
  return out;
}

/** @returns {{ title?: string, hosts: Set<string>, update?: { method: string, path: string } }} */
export function vendorMarks(currentDoc, update) {
  return { title: currentDoc?.info?.title, hosts: hosts(currentDoc), update };
}

/** Which of the marks the document carries: a list of human-readable matches. */
export function matchMarks(doc, marks) {
  const found = [];
  if (marks.update) {
    const wanted = shape(marks.update.path);
    const hit = Object.entries(doc?.paths ?? {}).some(
      ([p, item]) => shape(p) === wanted && item && typeof item === "object" && marks.update.method in item,
    );
    if (hit) found.push(`its operation ${marks.update.method.toUpperCase()} ${marks.update.path}`);
  }
  if (marks.title && doc?.info?.title === marks.title) found.push(`its title "${marks.title}"`);
  const docHosts = hosts(doc);
  for (const h of marks.hosts) if (docHosts.has(h)) found.push(`its server ${h}`);
  return found;
}

/**
 * @param {object} doc the pulled document
 * @param {string} vendor the vendor it is pulled for
 * @param {Record<string, ReturnType<typeof vendorMarks>>} allMarks every vendor's marks
 * @returns {{ ok: true } | { ok: false, reason: string }}
 */
export function checkIdentity(doc, vendor, allMarks) {
  const own = matchMarks(doc, allMarks[vendor]);
  let best;
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
    const m = allMarks[vendor];
    const expected = [
      m.update && `the operation ${m.update.method.toUpperCase()} ${m.update.path}`,
      m.title && `the title "${m.title}"`,
      m.hosts.size && `a server on ${[...m.hosts].join(" or ")}`,
    ].filter(Boolean);
    return {
      ok: false,
      reason: `the document has none of ${vendor}'s marks (${expected.join(", ")}); it is titled "${doc?.info?.title ?? "(no title)"}". If ${vendor} really changed all of them, check by hand and re-run with --accept-identity`,
    };
  }
  return { ok: true };
}
