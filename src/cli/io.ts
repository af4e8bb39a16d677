export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Whether err is a terminal (a progress bar redraws in place there; elsewhere it is plain lines). */
  tty?: boolean;
}

export const stdio: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), tty: process.stderr.isTTY === true };
