#!/usr/bin/env node
// Draws the add-in's icons as vector shapes and writes them as PNGs (node's zlib only, no image tools).
// Usage: node scripts/make-icons.cjs [outDir]   (default: assets/)
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { encodePng } = require("./lib/png.cjs");

const BLUE = [15, 108, 189]; // Fluent brand blue, matches the task pane theme
const DARK_BLUE = [17, 94, 163];
const GREEN = [94, 214, 109];
const DEEP_GREEN = [16, 124, 16];
const WHITE = [255, 255, 255];
const GREY = [160, 170, 180];
const YELLOW = [255, 216, 61];
const AMBER = [176, 136, 0];
const RED = [209, 52, 56];

// --- shapes in unit coordinates (0..1, y down); each answers "is this point inside?" ---
const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
};
const rect = (x0, y0, x1, y1) => roundedRect(x0, y0, x1, y1, 0);
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring = (cx, cy, r, width) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= width / 2;
function segmentDistance(x, y, [ax, ay], [bx, by]) {
  const vx = bx - ax, vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - (ax + t * vx), y - (ay + t * vy));
}
const polyline = (points, width) => (x, y) =>
  points.slice(1).some((p, i) => segmentDistance(x, y, points[i], p) <= width / 2);
const outline = (x0, y0, x1, y1, width) => (x, y) =>
  rect(x0, y0, x1, y1)(x, y) && !rect(x0 + width, y0 + width, x1 - width, y1 - width)(x, y);

// --- glyphs: layers painted bottom to top ---
const GLYPHS = {
  // the product mark: a green check on a blue rounded square
  icon: [
    [roundedRect(0.03, 0.03, 0.97, 0.97, 0.2), BLUE],
    [polyline([[0.24, 0.52], [0.42, 0.7], [0.77, 0.32]], 0.15), GREEN],
  ],
  // "Chèn biểu mẫu": a sheet with a header row and a green plus
  insert: [
    [rect(0.06, 0.08, 0.8, 0.86), WHITE],
    [outline(0.06, 0.08, 0.8, 0.86, 0.08), DARK_BLUE],
    [rect(0.06, 0.08, 0.8, 0.3), DARK_BLUE],
    [rect(0.1, 0.52, 0.76, 0.57), GREY],
    [rect(0.4, 0.3, 0.45, 0.82), GREY],
    [circle(0.73, 0.73, 0.26), DEEP_GREEN],
    [polyline([[0.73, 0.59], [0.73, 0.87]], 0.09), WHITE],
    [polyline([[0.59, 0.73], [0.87, 0.73]], 0.09), WHITE],
  ],
  // "Kiểm tra": a magnifier with a check in the lens
  check: [
    [circle(0.42, 0.42, 0.3), WHITE],
    [ring(0.42, 0.42, 0.3, 0.11), DARK_BLUE],
    [polyline([[0.64, 0.64], [0.9, 0.9]], 0.16), DARK_BLUE],
    [polyline([[0.28, 0.43], [0.39, 0.54], [0.57, 0.32]], 0.1), DEEP_GREEN],
  ],
  // "Xóa đánh dấu": a highlighted cell with a red cross
  clear: [
    [rect(0.06, 0.1, 0.74, 0.74), YELLOW],
    [outline(0.06, 0.1, 0.74, 0.74, 0.07), AMBER],
    [circle(0.72, 0.72, 0.26), RED],
    [polyline([[0.62, 0.62], [0.82, 0.82]], 0.09), WHITE],
    [polyline([[0.82, 0.62], [0.62, 0.82]], 0.09), WHITE],
  ],
};

const SIZES = { icon: [16, 32, 64, 80, 128], insert: [16, 32, 80], check: [16, 32, 80], clear: [16, 32, 80] };
const SUBSAMPLES = 8; // 8x8 samples per pixel gives smooth edges even at 16 px

function render(layers, size) {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SUBSAMPLES) / size;
          const y = (py + (sy + 0.5) / SUBSAMPLES) / size;
          let colour = null;
          for (const [inside, c] of layers) if (inside(x, y)) colour = c;
          if (colour) { r += colour[0]; g += colour[1]; b += colour[2]; a += 1; }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) { rgba[i] = Math.round(r / a); rgba[i + 1] = Math.round(g / a); rgba[i + 2] = Math.round(b / a); }
      rgba[i + 3] = Math.round((a / (SUBSAMPLES * SUBSAMPLES)) * 255);
    }
  }
  return rgba;
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, sizes] of Object.entries(SIZES)) {
    for (const size of sizes) {
      const file = path.join(outDir, `${name}-${size}.png`);
      fs.writeFileSync(file, encodePng(size, size, render(GLYPHS[name], size)));
      process.stdout.write(`${path.relative(process.cwd(), file)} (${size}x${size})\n`);
    }
  }
}

if (require.main === module) main();
module.exports = { SIZES };
