// The request context and the load/sync machinery of the fake: calls queue operations, sync() runs them in order,
// and loaded values become readable only after the sync that carried their load.

import { apiNotFound, FakeOfficeError, propertyNotLoaded } from "./errors";
import type { FakeExcel } from "./excel";
import type { FakeWorkbookObject } from "./objects";

export interface SyncRecord {
  operations: number;
  requestBytes: number;
  /** What Excel sent back (an error's few bytes when it refused the answer). */
  responseBytes: number;
  /** Set when Excel refused to send an answer this large (ResponsePayloadSizeLimitExceeded). */
  refusedBytes?: number;
}

interface Operation {
  label: string;
  bytes: number;
  /** Returns the size of what it sends back, for the response estimate. */
  run: () => number | void;
}

export type LoadArg = string | string[] | { select?: string | string[]; expand?: string | string[] } | undefined;

/** "a, b/c" | ["a","b/c"] | {select, expand} → [["a"], ["b","c"]]; undefined → [] (all scalars). */
export function loadPaths(arg: LoadArg): string[][] {
  const list = (v: string | string[] | undefined): string[] =>
    v === undefined ? [] : (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean);
  const names = typeof arg === "object" && !Array.isArray(arg) ? [...list(arg.select), ...list(arg.expand)] : list(arg);
  return names.map((n) => n.split("/"));
}

export function sizeOf(v: unknown): number {
  return v === undefined ? 0 : (JSON.stringify(v)?.length ?? 0);
}

export class FakeRequestContext {
  private queue: Operation[] = [];
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  /** Set by FakeExcel right after construction (kept out of here so this module does not import the objects). */
  workbook!: FakeWorkbookObject;

  constructor(readonly excel: FakeExcel) {}

  enqueue(label: string, args: unknown, run: () => number | void): void {
    this.queue.push({ label, bytes: 40 + label.length + sizeOf(args), run });
  }

  /** Queues a failure when the configured host lacks the API: Excel reports ApiNotFound at sync, not at the call. */
  need(version: string, api: string): void {
    if (!this.excel.supports(version)) this.enqueue(api, null, () => { throw apiNotFound(api, version); });
  }

  /** For checks inside running operations. */
  check(version: string, api: string): void {
    if (!this.excel.supports(version)) throw apiNotFound(api, version);
  }

  get pendingOperations(): number {
    return this.queue.length;
  }

  /** Inside an Excel.run (see FakeExcel.run); a context used after its run ended cannot reach Excel. */
  open = true;

  async sync(): Promise<void> {
    // Office.js makes no round trip for an empty queue
    if (this.queue.length === 0) return;
    if (!this.open) {
      this.queue = [];
      throw new FakeOfficeError("InvalidObjectPath", "The object path isn't working for what you're trying to do: the request context is used outside Excel.run.");
    }
    const ops = this.queue;
    this.queue = [];
    const requestBytes = ops.reduce((n, op) => n + op.bytes, 0);
    const record: SyncRecord = { operations: ops.length, requestBytes, responseBytes: 0 };
    this.excel.recordSync(record);
    // a real round trip is asynchronous: callers must await it
    await Promise.resolve();
    if (requestBytes > this.excel.maxRequestBytes)
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${requestBytes} > ${this.excel.maxRequestBytes} bytes).`,
      );
    for (const op of ops) {
      try {
        record.responseBytes += op.run() ?? 0;
      } catch (e) {
        if (e instanceof FakeOfficeError) {
          e.debugInfo.errorLocation ??= op.label;
          throw e;
        }
        throw new FakeOfficeError("InvalidArgument", e instanceof Error ? e.message : String(e), op.label);
      }
    }
    // the answer is refused as a whole (see FakeExcelOptions.maxResponseBytes): nothing loaded becomes readable
    if (record.responseBytes > this.excel.maxResponseBytes) {
      record.refusedBytes = record.responseBytes;
      record.responseBytes = 200;
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${record.refusedBytes} > ${this.excel.maxResponseBytes} bytes).`,
      );
    }
    await this.excel.flushEvents();
  }
}

/** Base of every proxy: loaded values live here and are read through prop(). */
export abstract class FakeClientObject {
  protected readonly loaded = new Map<string, unknown>();

  constructor(readonly context: FakeRequestContext) {}

  /** Scalar properties: the set that introduced each, and how to read it at sync time. */
  protected abstract scalars(): Record<string, { since: string; read: () => unknown }>;

  /** Navigation properties that can appear in load paths. */
  protected navigations(): Record<string, { since: string; get: () => FakeClientObject }> {
    return {};
  }

  protected abstract apiName(): string;

  load(arg?: LoadArg): this {
    const paths = loadPaths(arg);
    this.context.enqueue(`${this.apiName()}.load`, paths, () => this.loadNow(paths));
    return this;
  }

  /** Runs a load immediately (inside a sync). */
  loadNow(paths: string[][]): number {
    const scalars = this.scalars();
    const navs = this.navigations();
    const wanted = paths.length === 0 ? Object.keys(scalars).map((k) => [k]) : paths;
    let bytes = 0;
    const isNull = this.nullNow();
    this.loaded.set("isNullObject", isNull);
    const byNav = new Map<string, string[][]>();
    for (const [head, ...rest] of wanted) {
      if (head === undefined) continue;
      const scalar = scalars[head];
      if (scalar) {
        this.context.check(scalar.since, `${this.apiName()}.${head}`);
        const v = isNull ? null : scalar.read();
        this.loaded.set(head, v);
        bytes += sizeOf(v) + head.length;
        continue;
      }
      const nav = navs[head];
      if (!nav) throw new FakeOfficeError("InvalidArgument", `Cannot load '${head}' of ${this.apiName()}.`, `${this.apiName()}.load`);
      this.context.check(nav.since, `${this.apiName()}.${head}`);
      byNav.set(head, [...(byNav.get(head) ?? []), rest]);
    }
    for (const [head, rests] of byNav) {
      const child = navs[head]!.get();
      bytes += child.loadNow(rests.filter((r) => r.length > 0));
    }
    return bytes;
  }

  /** Whether this proxy stands for nothing (an *OrNullObject result that found nothing). */
  protected nullNow(): boolean {
    return false;
  }

  get isNullObject(): boolean {
    return this.prop<boolean>("isNullObject");
  }

  private readonly children = new Map<string, unknown>();
  /** Navigation properties return the same proxy every time, so what was loaded through it stays readable. */
  protected memo<T>(key: string, make: () => T): T {
    if (!this.children.has(key)) this.children.set(key, make());
    return this.children.get(key) as T;
  }

  protected prop<T>(name: string): T {
    if (!this.loaded.has(name)) throw propertyNotLoaded(name);
    return this.loaded.get(name) as T;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** A collection: `items` exists only after a load of the collection was synced. */
export abstract class FakeCollection<T extends FakeClientObject> extends FakeClientObject {
  private loadedItems: T[] | undefined;

  protected abstract materialize(): T[];

  protected scalars(): Record<string, { since: string; read: () => unknown }> {
    return {};
  }

  get items(): T[] {
    if (!this.loadedItems) throw propertyNotLoaded("items");
    return this.loadedItems;
  }

  override loadNow(paths: string[][]): number {
    const itemPaths = paths.map((p) => (p[0] === "items" ? p.slice(1) : p)).filter((p) => p.length > 0);
    const items = this.materialize();
    let bytes = 0;
    for (const item of items) bytes += item.loadNow(itemPaths);
    this.loadedItems = items;
    return bytes;
  }

  override toJSON(): Record<string, unknown> {
    return { items: this.loadedItems?.map((i) => i.toJSON()) };
  }
}

/** A value returned by a method (getCount…): readable after sync. */
export class FakeClientResult<T> {
  private has = false;
  private v: T | undefined;
  set(v: T): void {
    this.v = v;
    this.has = true;
  }
  get value(): T {
    if (!this.has) throw propertyNotLoaded("value");
    return this.v as T;
  }
}
