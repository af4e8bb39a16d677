import { config } from "zod";

// zod 4 compiles a fast path for each object schema with new Function on first use; a CLI run parses each schema
// once or twice, so that compilation only costs (about 12 ms of a 100 ms `chitieu check`, measured by bench:start).
// Loaded by main before any command (so before any schema is made), and first by the worker.
config({ jitless: true });
