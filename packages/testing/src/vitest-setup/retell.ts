/** Vitest `globalSetup` entry that starts only the retell mock. See `@phonebridge/testing/vitest-setup`. */
import { mockServersSetup } from "../vitest-setup.js";

export default mockServersSetup(["retell"]);
