// The registry: every list of vendors outside the vendor packages, generated from specs/*/ so
// that adding a vendor is a folder in specs/ and an adapter file (docs/adding-a-vendor.md).
// Each package gets the part it uses, in the registry's one order (the folders of specs/,
// alphabetical): core the provider ids and titles, the facade its adapter map, per-vendor
// entries and types, the CLI env prefixes, secret fields and example ids, the testing kit its
// per-vendor setup entries; and the package.json fields that list vendors.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isObject, type JsonObject } from "../json.js";
import type { VendorConfig } from "../spec/vendor-config.js";
import { GENERATE_COMMAND, pascal, registryHeader } from "./header.js";
import { ts } from "./literals.js";

const lines = (items: readonly string[]) => items.join("\n");

function coreProviders(configs: readonly VendorConfig[]): string {
  const ids = configs.map((c) => c.provider);
  return `${registryHeader()}

/** Every vendor phonebridge has a spec for (a folder of specs/), in the registry's order. */
export const PROVIDERS = [${ids.map((id) => ts(id)).join(", ")}] as const;

/** A vendor's id: the name of its folder in specs/, and of its package (\`@phonebridge/<provider>\`). */
export type Provider = (typeof PROVIDERS)[number];

/** Each vendor's name as its own documents write it. */
export const PROVIDER_TITLES: Readonly<Record<Provider, string>> = ${ts(Object.fromEntries(configs.map((c) => [c.provider, c.title])))};
`;
}

function facadeAdapters(configs: readonly VendorConfig[]): string {
  return `${registryHeader()}
import type { Provider } from "@phonebridge/core";
import type { Adapter } from "../adapter.js";
${lines(configs.map(({ provider }) => `import { ${provider}Adapter } from "../adapters/${provider}.js";`))}

/** Every vendor's adapter (src/adapters/<provider>.ts), in the registry's order. */
export const ADAPTERS: Readonly<Record<Provider, Adapter>> = {
${lines(configs.map(({ provider }) => `  ${provider}: ${provider}Adapter as Adapter,`))}
};
`;
}

function facadeVendorTypes(configs: readonly VendorConfig[]): string {
  const imports = configs.flatMap(({ provider }) => {
    const Name = pascal(provider);
    return [
      `import type {`,
      `  UpdatePhoneNumberBody as ${Name}Body,`,
      `  UpdatePhoneNumberResponse as ${Name}Response,`,
      `} from "@phonebridge/${provider}";`,
    ];
  });
  return `${registryHeader()}
${lines(imports)}
${lines(configs.map(({ provider }) => `import type { ${provider}Capabilities } from "../adapters/${provider}.js";`))}

/**
 * What the facade knows about each vendor at the type level: its adapter's capability row, and
 * its package's update body and 200 body.
 */
export interface VendorTypes {
${lines(
  configs.map(({ provider }) => {
    const Name = pascal(provider);
    return `  ${provider}: { capabilities: typeof ${provider}Capabilities; body: ${Name}Body; response: ${Name}Response };`;
  }),
)}
}
`;
}

function facadeEntry({ provider, title, envPrefix }: VendorConfig): string {
  const Name = pascal(provider);
  return `${registryHeader()}
/**
 * @phonebridge/facade/${provider}: the facade for ${title} alone, so a bundle holds only this adapter.
 * Same behaviour as \`createPhoneNumbers({ provider: "${provider}", ... })\` from the root entry.
 */
import { ${provider}Adapter, ${provider}Capabilities } from "../../adapters/${provider}.js";
import { createWithAdapter } from "../../engine.js";
import type { PhoneNumbers, PhoneNumbersOptions } from "../../types.js";

export { type ErrorCode, isPhoneBridgeError, PhoneBridgeError } from "@phonebridge/core";
export type { ChangeCapability, ChangeName, Support, VendorCapabilities } from "../../capabilities.js";
export type * from "../../types.js";

/** What ${title} supports (its row of the capability matrix). */
export const capabilities = ${provider}Capabilities;

/** Options of the ${title} updater: \`provider\` may be left out. */
export type ${Name}PhoneNumbersOptions = Omit<PhoneNumbersOptions<"${provider}">, "provider"> & { provider?: "${provider}" | undefined };

/** Creates the ${title} phone-number updater (key and base URL from options or \`${envPrefix}_API_KEY\` / \`${envPrefix}_BASE_URL\`). */
export function createPhoneNumbers(options: ${Name}PhoneNumbersOptions = {}): PhoneNumbers<"${provider}"> {
  return createWithAdapter(${provider}Adapter, options);
}

export { createPhoneNumbers as create${Name}PhoneNumbers };
`;
}

function cliProviders(configs: readonly VendorConfig[]): string {
  const secrets = [...new Set(configs.flatMap((c) => [...c.secrets.request, ...c.secrets.response]))].sort();
  return `${registryHeader()}
import type { Provider } from "@phonebridge/core";

/** Prefix of each vendor's environment variables (\`<PREFIX>_API_KEY\`, \`<PREFIX>_BASE_URL\`). */
export const ENV_PREFIXES: Readonly<Record<Provider, string>> = ${ts(Object.fromEntries(configs.map((c) => [c.provider, c.envPrefix])))};

/** Request and response fields whose values are secrets, of every vendor (docs/CONTRACT.md#secrets). */
export const SECRET_FIELDS: readonly string[] = ${ts(secrets)};

/** An id of each vendor's numbers, as its contract tests use it: shown in the help. */
export const EXAMPLE_IDS: Readonly<Record<Provider, string>> = ${ts(Object.fromEntries(configs.map((c) => [c.provider, c.contract.id])))};
`;
}

function testingSetupEntry({ provider }: VendorConfig): string {
  return `${registryHeader()}
/** Vitest \`globalSetup\` entry that starts only the ${provider} mock. See \`@phonebridge/testing/vitest-setup\`. */
import { mockServersSetup } from "../../vitest-setup.js";

export default mockServersSetup(["${provider}"]);
`;
}

/**
 * A hand-written package.json with the fields that list vendors replaced, and a "//" note first
 * saying so (package.json has no comments). The other fields are left as they are.
 */
function withGeneratedFields(path: string, note: string, fields: JsonObject): string | undefined {
  if (!existsSync(path)) return undefined;
  const current: unknown = JSON.parse(readFileSync(path, "utf8"));
  if (!isObject(current)) throw new Error(`${path}: not a JSON object`);
  const next: JsonObject = { "//": note };
  for (const [key, value] of Object.entries(current)) {
    if (key === "//") continue;
    next[key] = key in fields ? fields[key] : value;
  }
  for (const [key, value] of Object.entries(fields)) if (!(key in next)) next[key] = value;
  return `${JSON.stringify(next, null, 2)}\n`;
}

/** "A, B and C": the vendors' titles in the registry's order. */
function listTitles(configs: readonly VendorConfig[]): string {
  const titles = configs.map((c) => c.title);
  return titles.length <= 1 ? titles.join("") : `${titles.slice(0, -1).join(", ")} and ${titles.at(-1)}`;
}

const generatedNote = (fields: string) =>
  `${fields} generated by \`${GENERATE_COMMAND}\` from specs/*/ (one entry per vendor); the other fields are edited by hand.`;

/** Every registry file, as absolute path → contents. Packages that do not exist are left out. */
export function renderRegistry(root: string, configs: readonly VendorConfig[]): Map<string, string> {
  const files = new Map<string, string>();
  const pkg = (name: string, ...rest: string[]) => join(root, "packages", name, ...rest);
  const add = (path: string, contents: string | undefined) => {
    if (contents !== undefined) files.set(path, contents);
  };
  const has = (name: string) => existsSync(pkg(name, "package.json"));

  if (has("core")) add(pkg("core", "src/generated/providers.ts"), coreProviders(configs));

  if (has("facade")) {
    add(pkg("facade", "src/generated/adapters.ts"), facadeAdapters(configs));
    add(pkg("facade", "src/generated/vendor-types.ts"), facadeVendorTypes(configs));
    for (const config of configs) {
      add(pkg("facade", `src/generated/entries/${config.provider}.ts`), facadeEntry(config));
    }
    const exports: JsonObject = { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } };
    for (const { provider } of configs) {
      exports[`./${provider}`] = {
        types: `./dist/generated/entries/${provider}.d.ts`,
        default: `./dist/generated/entries/${provider}.js`,
      };
    }
    exports["./package.json"] = "./package.json";
    const names = ["@phonebridge/core", ...configs.map(({ provider }) => `@phonebridge/${provider}`)].sort();
    const dependencies: JsonObject = Object.fromEntries(names.map((name) => [name, "workspace:^"]));
    const titles = listTitles(configs);
    add(
      pkg("facade", "package.json"),
      withGeneratedFields(pkg("facade", "package.json"), generatedNote("description, exports and dependencies are"), {
        description: `One update interface over the phone numbers of ${titles}: assign or remove agents and set labels with the same meaning everywhere, retries and timeouts included.`,
        exports,
        dependencies,
      }),
    );
  }

  if (has("cli")) add(pkg("cli", "src/generated/providers.ts"), cliProviders(configs));

  if (has("testing")) {
    for (const config of configs) {
      add(pkg("testing", `src/generated/vitest-setup/${config.provider}.ts`), testingSetupEntry(config));
    }
    const path = pkg("testing", "package.json");
    if (existsSync(path)) {
      const current = JSON.parse(readFileSync(path, "utf8")) as JsonObject;
      const peers: JsonObject = {};
      for (const { provider } of configs) peers[`@phonebridge/${provider}`] = "workspace:^";
      // Peers that are not vendor packages (vitest) stay as they are.
      const vendorPackage = (name: string) => /^@phonebridge\//.test(name) && name !== "@phonebridge/core";
      for (const [name, range] of Object.entries(isObject(current.peerDependencies) ? current.peerDependencies : {})) {
        if (!vendorPackage(name)) peers[name] = range;
      }
      add(
        path,
        withGeneratedFields(path, generatedNote("The vendor packages among peerDependencies are"), {
          peerDependencies: peers,
        }),
      );
    }
  }
  const bench = join(root, "bench", "package.json");
  if (existsSync(bench)) {
    const sdks = configs.flatMap((c) => (c.sdk === undefined ? [] : [[c.sdk.name, c.sdk.version] as const])).sort();
    add(
      bench,
      withGeneratedFields(
        bench,
        generatedNote("devDependencies are the vendors' official SDKs (`sdk` in vendor.yaml),"),
        {
          devDependencies: Object.fromEntries(sdks),
        },
      ),
    );
  }
  return files;
}
