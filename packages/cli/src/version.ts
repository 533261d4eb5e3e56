// This file is generated from package.json by `pnpm version-packages` (and `pnpm generate`). Do not
// edit it by hand: `changeset version` changes the version, then the release flow rewrites it.
/** The package's name and version, as its User-Agent names them. */
export const NAME = "@phonebridge/cli";
export const VERSION = "0.0.0";
