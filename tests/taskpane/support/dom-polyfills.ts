// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one. Browsers all have it.
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const g = globalThis as { ResizeObserver?: unknown };
g.ResizeObserver ??= NoopResizeObserver;
export {};

// jest's jsdom environment leaves out TextEncoder/TextDecoder, which browsers and the .xlsx reader rely on.
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "node:util";
const t = globalThis as { TextDecoder?: unknown; TextEncoder?: unknown };
t.TextDecoder ??= NodeTextDecoder;
t.TextEncoder ??= NodeTextEncoder;
