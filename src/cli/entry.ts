// The built CLI's entry point (scripts/build-cli.cjs): zod's settings first, then the CLI itself.
import "./zod-jitless";
export { main } from "./main";
