// A few lines instead of a library: elements with attributes, listeners (no inline handlers: CSP) and children.

export type Child = Node | string | number | null | undefined | false | readonly Child[];
export type Listener = (ev: Event) => void;
export type Attrs = Record<string, string | number | boolean | null | undefined | Listener>;

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (typeof child === "string" || typeof child === "number") parent.appendChild(document.createTextNode(String(child)));
  else if (Array.isArray(child)) for (let i = 0; i < child.length; i++) append(parent, child[i] as Child);
  else parent.appendChild(child as Node);
}

/** h("button", { class: "primary", disabled: busy, onclick: go }, "Kiểm tra") */
export function h(tag: string, attrs: Attrs | null, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  if (attrs) {
    for (const name of Object.keys(attrs)) {
      const v = attrs[name];
      if (typeof v === "function") el.addEventListener(name.slice(2), v);
      else if (v === true) el.setAttribute(name, "");
      else if (v !== false && v !== null && v !== undefined) el.setAttribute(name, String(v));
    }
  }
  append(el, children);
  return el;
}

/** Replaces the children of `parent`, keeping focus on the element with the same id when there is one. */
export function replaceChildren(parent: HTMLElement, child: Child): void {
  const active = document.activeElement as HTMLElement | null;
  const focusId = active && parent.contains(active) ? active.id : "";
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, child);
  if (focusId) {
    const again = document.getElementById(focusId);
    if (again && typeof again.focus === "function") again.focus();
  }
}
