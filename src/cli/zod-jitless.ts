import { config } from "zod";

// zod 4 compiles a fast path for each object schema with new Function on first use; a CLI run parses each schema
// once or twice, so that compilation only costs (about 12 ms of a 100 ms `chitieu check`, measured by bench:start).
// Imported first by the built entry points (src/cli/entry.ts, the worker).
config({ jitless: true });
