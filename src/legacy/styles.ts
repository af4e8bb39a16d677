// The legacy pane's look: Fluent UI's web light theme colours and Segoe UI, in CSS IE11 understands (flexbox, no grid,
// no custom properties). Inserted as one <style> element (the pages' CSP allows inline styles, as Fluent UI needs).

export const LEGACY_CSS = `
* { box-sizing: border-box; }
body { margin: 0; font-family: "Segoe UI", "Segoe UI Web (West European)", -apple-system, "Helvetica Neue", Arial, sans-serif; font-size: 14px; line-height: 20px; color: #242424; background: #ffffff; }
.app { min-height: 100vh; }
.header { display: flex; flex-wrap: wrap; align-items: flex-end; justify-content: space-between; padding: 12px 16px; border-bottom: 1px solid #e0e0e0; }
.titles { margin: 0 16px 8px 0; }
h1 { font-size: 24px; line-height: 32px; font-weight: 600; margin: 0; }
.subtitle { margin: 2px 0 0; color: #424242; }
h2 { font-size: 16px; line-height: 22px; font-weight: 600; margin: 0 0 4px; }
h3 { font-size: 14px; font-weight: 600; margin: 12px 0 4px; }
h4 { font-size: 14px; font-weight: 600; margin: 8px 0 4px; }
p { margin: 0 0 4px; }
.main { padding: 12px 16px 24px; }
.stack > * { margin-bottom: 12px; }
.stack > *:last-child { margin-bottom: 0; }
.fields { display: flex; flex-wrap: wrap; margin: 0 -6px; }
.field { display: flex; flex-direction: column; min-width: 120px; flex: 1 1 120px; margin: 0 6px 8px; }
.field label { font-weight: 600; margin-bottom: 4px; }
.lang { flex: 0 0 130px; margin: 0 0 8px; }
select { font: inherit; color: #242424; background: #ffffff; height: 32px; padding: 0 8px; border: 1px solid #d1d1d1; border-bottom-color: #616161; border-radius: 4px; width: 100%; }
select:disabled { color: #6e6e6e; background: #f5f5f5; border-color: #e0e0e0; }
.field-warning { color: #8a3707; font-size: 12px; margin-top: 4px; }
.actions { display: flex; flex-wrap: wrap; margin: 0 -4px; }
.actions .btn { margin: 0 4px 8px; }
.btn { font: inherit; font-weight: 600; min-height: 32px; padding: 5px 12px; border-radius: 4px; border: 1px solid #d1d1d1; background: #ffffff; color: #242424; cursor: pointer; }
.btn:hover { background: #f5f5f5; border-color: #c7c7c7; }
.btn-primary { background: #0f6cbd; border-color: #0f6cbd; color: #ffffff; }
.btn-primary:hover { background: #115ea3; border-color: #115ea3; }
.btn:disabled, .btn:disabled:hover { background: #f0f0f0; border-color: #e0e0e0; color: #6e6e6e; cursor: default; }
.btn:focus, .finding-button:focus, select:focus, a:focus { outline: 2px solid #000000; outline-offset: 2px; }
h3 .btn { border: 0; padding: 2px 4px; background: transparent; }
a { color: #115ea3; }
.notice { padding: 8px 12px; border: 1px solid #e0e0e0; border-left-width: 4px; border-radius: 4px; background: #f5f5f5; }
.notice ul { margin: 4px 0; padding-left: 18px; }
.notice-info { border-left-color: #616161; }
.notice-success { border-left-color: #107c10; background: #f1faf1; }
.notice-warning { border-left-color: #bc4b09; background: #fff9f5; }
.notice-error { border-left-color: #c50f1f; background: #fdf3f4; }
.notice .actions { margin-top: 8px; }
.busy { color: #424242; font-style: italic; }
.tiles { display: flex; flex-wrap: wrap; margin: 0 -4px; padding: 0; }
.tile { flex: 1 1 110px; margin: 0 4px 8px; padding: 8px 10px; border: 1px solid #e0e0e0; border-left-width: 4px; border-radius: 4px; }
.tile dd { margin: 0; font-size: 28px; line-height: 36px; font-weight: 600; }
.tile-met { border-left-color: #107c10; }
.tile-notMet { border-left-color: #bc4b09; }
.tile-invalid { border-left-color: #c50f1f; }
.tile-missing { border-left-color: #616161; }
.pillars { border-collapse: collapse; width: 100%; font-size: 12px; margin-top: 12px; }
.pillars th, .pillars td { padding: 4px 6px; border-bottom: 1px solid #e0e0e0; text-align: right; }
.pillars thead th { border-bottom-color: #d1d1d1; font-weight: 600; }
.pillars th:first-child { text-align: left; }
.pillars tbody th { font-weight: normal; }
.small { font-size: 12px; }
hr { border: 0; border-top: 1px solid #e0e0e0; margin: 4px 0 12px; }
.group { margin-top: 12px; }
.list { list-style: none; margin: 0; padding: 0; }
.list li { margin-bottom: 6px; }
.finding { display: block; width: 100%; text-align: left; padding: 8px 10px; border: 1px solid #e0e0e0; border-left-width: 4px; border-radius: 4px; background: #ffffff; color: #242424; font: inherit; }
.finding-button { cursor: pointer; }
.finding-button:hover { background: #f5f5f5; }
.finding-error { border-left-color: #c50f1f; }
.finding-warning { border-left-color: #bc4b09; }
.finding-info { border-left-color: #616161; }
.line { display: block; }
.code { font-weight: 600; }
.details, .where { display: block; margin-top: 4px; font-size: 12px; }
.details { color: #424242; }
.where { color: #616161; }
.badge { display: inline-block; padding: 0 6px; border-radius: 10px; font-size: 12px; line-height: 18px; border: 1px solid; }
.badge-error { color: #b10e1c; background: #fdf3f4; border-color: #eeacb2; }
.badge-warning { color: #8a3707; background: #fff9f5; border-color: #fdcfb4; }
.badge-info { color: #0e4775; background: #ebf3fc; border-color: #b4d6fa; }
`;

export function installStyles(doc: Document): void {
  const style = doc.createElement("style");
  style.setAttribute("data-legacy-pane", "");
  style.appendChild(doc.createTextNode(LEGACY_CSS));
  doc.head.appendChild(style);
}
