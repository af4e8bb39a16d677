import { createRoot } from "react-dom/client";
import { App } from "./App";

function render(): void {
  const container = document.getElementById("root");
  if (!container) throw new Error("Không tìm thấy phần tử #root / #root element not found");
  createRoot(container).render(<App />);
}

// Inside Excel, Office.js must finish initialising before the pane may call it; opened as a plain page, render at once.
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady(() => render());
} else {
  render();
}
