/** The five vendors, in the order the CLI lists them. */
export const PROVIDERS = ["retell", "cartesia", "verbex", "vogent", "cald"] as const;
export type Provider = (typeof PROVIDERS)[number];

/** Prefix of each vendor's environment variables (`RETELL_API_KEY`, `RETELL_BASE_URL`). */
export const ENV_PREFIX: Readonly<Record<Provider, string>> = {
  retell: "RETELL",
  cartesia: "CARTESIA",
  verbex: "VERBEX",
  vogent: "VOGENT",
  cald: "CALD",
};

export function isProvider(value: unknown): value is Provider {
  return typeof value === "string" && (PROVIDERS as readonly string[]).includes(value);
}
