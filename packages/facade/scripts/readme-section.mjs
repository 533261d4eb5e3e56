// Renders the facade README's capability matrix from the adapters' own data (their capability
// rows, and the body their `build` actually produces), so the README cannot drift from the code.
// Pure: scripts/readme.mjs feeds it the built package, test/readme.test.ts the sources.

export const START = "<!-- capability-matrix:start -->";
export const END = "<!-- capability-matrix:end -->";

const ROWS = [
  ["agentId", "set", '`agentId: "A"` assign'],
  ["agentId", "clear", "`agentId: null` remove"],
  ["label", "set", '`label: "X"` set'],
  ["label", "clear", "`label: null` clear"],
  ["outboundAgentId", "set", '`outboundAgentId: "B"` assign'],
  ["outboundAgentId", "clear", "`outboundAgentId: null` remove"],
];
const SAMPLE = { agentId: "A", label: "X", outboundAgentId: "B" };

/**
 * @param {Record<string, { capabilities: any; build(changes: object): object }>} adapters by provider, in column order
 * @param {Record<string, string>} titles each provider's title
 * @returns {string} the section, markers included
 */
export function renderSection(adapters, titles) {
  const providers = Object.keys(adapters);
  const lines = [
    START,
    "<!-- Generated from src/adapters/*.ts (every vendor of the registry) by `pnpm --filter @phonebridge/facade readme`; test/readme.test.ts fails when it is stale. Do not edit by hand. -->",
    "",
    `| change | ${providers.map((p) => titles[p]).join(" | ")} |`,
    `|---|${providers.map(() => "---").join("|")}|`,
  ];
  for (const [change, direction, label] of ROWS) {
    const cells = providers.map((provider) => {
      const { capabilities, build } = adapters[provider];
      const support = capabilities[change][direction];
      if (support === "unsupported") return "—";
      const body = JSON.stringify(build({ [change]: direction === "set" ? SAMPLE[change] : null }));
      return `${support === "inferred" ? "✓†" : "✓"} \`${body}\``;
    });
    lines.push(`| ${label} | ${cells.join(" | ")} |`);
  }
  lines.push(
    `| \`options.vendor\` passthrough | ${providers.map((p) => (adapters[p].capabilities.passthrough ? "✓" : "—")).join(" | ")} |`,
    "",
    "✓ supported as the vendor documents it · ✓† supported, inferred: the vendor's schema accepts the value but does not say what it does · — unsupported: a type error with a literal provider, `unsupported_change` (nothing sent) otherwise. Each cell shows the body sent.",
    "",
  );
  for (const provider of providers) {
    const { capabilities } = adapters[provider];
    for (const change of ["agentId", "label", "outboundAgentId"]) {
      const { note, field } = capabilities[change];
      if (note) lines.push(`- ${titles[provider]} \`${change}\` (\`${field}\`): ${note}.`);
    }
  }
  lines.push(END);
  return lines.join("\n");
}

/** `readme` with its section replaced by `section`; throws when the markers are missing. */
export function replaceSection(readme, section) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1 || end < start) throw new Error(`README has no ${START} … ${END} section`);
  return readme.slice(0, start) + section + readme.slice(end + END.length);
}
