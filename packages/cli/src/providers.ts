// The vendors, in the registry's order (the folders of specs/), and what the CLI needs of each.
export { isProvider, PROVIDER_TITLES, PROVIDERS, type Provider } from "@phonebridge/core";
export { ENV_PREFIXES, EXAMPLE_IDS, SECRET_FIELDS } from "./generated/providers.js";
