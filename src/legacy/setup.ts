// Runs first in every legacy bundle (the pane and the ribbon commands), before the core is evaluated.
// Polyfills babel cannot add by itself: core-js has no String.prototype.normalize, and the core folds Vietnamese text
// with normalize("NFD") / ("NFC") (src/core/text.ts, figures, template headers). unorm installs it where missing.
// Everything else IE11 lacks (Promise, Map, Set, Array/Object helpers…) is added by babel from core-js where used.
import "./bigint-stub"; // before zod: zod calls BigInt when it loads
import "unorm";
import { config } from "zod";

// zod compiles object parsers with new Function into code written for modern engines; IE11 would not parse it.
config({ jitless: true });
