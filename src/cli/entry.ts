// The built CLI's entry point (scripts/build-cli.cjs). zod's settings are made by main before a command loads.
export { main } from "./main";
