// Ribbon commands (ExecuteFunction buttons in manifest.xml). The names must match <FunctionName> there.
// Placeholder: each command only signals completion; the real insert/check/clear wiring through the Office host comes later.

type CommandHandler = (event: Office.AddinCommands.Event) => void;

function completeOnly(event: Office.AddinCommands.Event): void {
  event.completed();
}

function register(name: string, handler: CommandHandler): void {
  if (typeof Office.actions?.associate === "function") Office.actions.associate(name, handler);
  // older Office builds (2016/2019) look ExecuteFunction targets up on the global object instead
  (globalThis as Record<string, unknown>)[name] = handler;
}

Office.onReady(() => {
  // TODO(wiring): replace completeOnly with the host-backed insertTemplate / check / clear actions.
  register("insertTemplate", completeOnly);
  register("check", completeOnly);
  register("clear", completeOnly);
});
