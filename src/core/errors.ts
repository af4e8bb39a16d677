// One shape for every failure the user can do something about: a code, a catalog message and its typed parameters.
// The text is rendered from the message catalogs when shown (Vietnamese or English); `message` is the English text,
// for logs and stack traces. Bugs stay plain Errors: they are not the user's fault and are not dressed up as such.

import { formatMessage, type Lang, type MessageKey, type Msg, type ParamArgs, type ParamsOf } from "./messages";

/** Catalog keys of user errors: `error.<code>` or `error.<code>.<variant>`. */
export type ErrorKey = Extract<MessageKey, `error.${string}`>;

/** The stable code of an error key, for programs: "error.too-large.part" → "too-large". */
export type ErrorCode<K extends ErrorKey = ErrorKey> = K extends `error.${infer C}.${string}` ? C : K extends `error.${infer C}` ? C : never;

type ErrorArgs<K extends ErrorKey> = [...ParamArgs<K>, options?: ErrorOptions];

export class ChitieuError<K extends ErrorKey = ErrorKey> extends Error {
  readonly code: ErrorCode<K>;
  readonly key: K;
  readonly params: ParamsOf<K>;

  constructor(key: K, ...args: ErrorArgs<K>) {
    const params = (args[0] ?? {}) as ParamsOf<K>;
    const options = args[1];
    super(formatMessage({ key, params } as Msg<K>, "en"), options);
    this.name = "ChitieuError";
    this.key = key;
    this.params = params;
    this.code = key.split(".")[1] as ErrorCode<K>;
  }

  /** The message in one language. */
  text(lang: Lang): string {
    return formatMessage({ key: this.key, params: this.params } as Msg<K>, lang);
  }

  /** Whether this error is the one with this key, narrowing its parameters. */
  is<J extends ErrorKey>(key: J): this is ChitieuError<J> {
    return (this.key as ErrorKey) === key;
  }
}

/** Whether `e` is a user error (anything else is a bug, shown as "unexpected"). */
export function isChitieuError(e: unknown): e is ChitieuError {
  return e instanceof ChitieuError;
}
