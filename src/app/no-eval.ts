// Imported first by every page's entry. The pages' Content Security Policy forbids eval, and zod, left to itself,
// probes for it with `new Function("")` at its first object parse: the probe is caught, but Chromium still reports a
// CSP violation. jitless mode skips the probe (and the compiled fast path, which our small schemas do not need).
import { config } from "zod";

config({ jitless: true });
