// One sentence for the same change in several fields: a schema shared by several fields (an
// agent weight schema used by two agent lists, say) gives the same finding for each, which a changeset says once, listing
// the fields. For text only: the changes themselves stay one per field.
import type { Change } from "./change.js";

const PLURAL: [RegExp, string][] = [
  [/^ was /, " were "],
  [/^ is /, " are "],
  [/^ now also accepts /, " now also accept "],
  [/^ now accepts /, " now accept "],
  [/^ no longer accepts /, " no longer accept "],
  [/^ now has /, " now have "],
  [/^ now allows /, " now allow "],
];

interface Group {
  change: Change;
  fields: string[];
  template: string;
}

export function groupForText(changes: readonly Change[]): Change[] {
  const label = (field: string): string => field.replace(/\.\[\]/g, "[]");
  const groups = new Map<string, Group>();
  const out: (Change | Group)[] = [];
  for (const change of changes) {
    const token = change.field ? `\`${label(change.field)}\`` : undefined;
    const at = token ? change.sentence.indexOf(` field ${token}`) : -1;
    if (!token || at < 0 || change.sentence.indexOf(token, at + 7 + token.length) >= 0) {
      out.push(change);
      continue;
    }
    const template = `${change.sentence.slice(0, at)} field \u0000${change.sentence.slice(at + 7 + token.length)}`;
    const key = `${change.bump}|${change.kind}|${template}`;
    let group = groups.get(key);
    if (!group) {
      group = { change, fields: [], template };
      groups.set(key, group);
      out.push(group);
    }
    group.fields.push(token);
  }
  return out.map((entry) => {
    if (!("template" in entry)) return entry;
    const { change, fields, template } = entry;
    if (fields.length === 1) return change;
    const listed = `${fields.slice(0, -1).join(", ")} and ${fields.at(-1)}`;
    const [head = "", tail = ""] = template.split(" field \u0000");
    // The verb follows the operation (and a variant) in the tail: make it plural.
    const lead = /^(?: \(in the `[^`]+` variant\))?(?: of [A-Z]+ \S+)?/.exec(tail)?.[0] ?? "";
    let rest = tail.slice(lead.length);
    const rule = PLURAL.find(([re]) => re.test(rest));
    if (rule) rest = rest.replace(rule[0], rule[1]);
    rest = rest.replace(/\b(sets|reads|sends) it\b/g, "$1 them").replace(/handle it\b/g, "handle them");
    return { ...change, sentence: `${head} fields ${listed}${lead}${rest}` };
  });
}
