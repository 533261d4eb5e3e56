/** Vitest `globalSetup` entry that starts only the cartesia mock. See `@phonebridge/testing/vitest-setup`. */
import { mockServersSetup } from "../vitest-setup.js";

export default mockServersSetup(["cartesia"]);
