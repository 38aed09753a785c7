#!/usr/bin/env node
// Draws the add-in's icons (16/32/64/80 px): a customer sheet whose rows carry A/B/C grade markers.
// Pure Node (zlib) so the icons can be regenerated anywhere; the PNGs are committed in assets/.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}
const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];

/** Shapes in a 0..1 unit square; later shapes paint over earlier ones. */
function scene(u, v) {
  const inRound = (x0, y0, x1, y1, r) => {
    if (u < x0 || u > x1 || v < y0 || v > y1) return false;
    const cx = Math.min(Math.max(u, x0 + r), x1 - r);
    const cy = Math.min(Math.max(v, y0 + r), y1 - r);
    return (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
  };
  let color = null;
  if (inRound(0.04, 0.04, 0.96, 0.96, 0.16)) color = hex("#1F4E78");
  if (inRound(0.16, 0.14, 0.84, 0.86, 0.05)) color = hex("#FFFFFF");
  if (inRound(0.16, 0.14, 0.84, 0.3, 0.05) && v < 0.3) color = hex("#2E75B6");
  const rows = [[0.43, "#2E9E5B"], [0.6, "#F2A900"], [0.77, "#D9534F"]];
  for (const [cy, c] of rows) {
    if ((u - 0.3) ** 2 + (v - cy) ** 2 <= 0.075 ** 2) color = hex(c);
    if (inRound(0.42, cy - 0.035, 0.76, cy + 0.035, 0.03)) color = hex("#BFC9D4");
  }
  return color;
}

function draw(size) {
  const ss = 4;
  const out = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let j = 0; j < ss; j++) for (let i = 0; i < ss; i++) {
      const c = scene((x + (i + 0.5) / ss) / size, (y + (j + 0.5) / ss) / size);
      if (c) { r += c[0]; g += c[1]; b += c[2]; a += 1; }
    }
    const o = (y * size + x) * 4;
    if (a > 0) { out[o] = Math.round(r / a); out[o + 1] = Math.round(g / a); out[o + 2] = Math.round(b / a); }
    out[o + 3] = Math.round((a / (ss * ss)) * 255);
  }
  return png(size, out);
}

const dir = path.join(__dirname, "..", "assets");
fs.mkdirSync(dir, { recursive: true });
for (const s of [16, 32, 64, 80, 128]) fs.writeFileSync(path.join(dir, `icon-${s}.png`), draw(s));
console.log("icons written to assets/");
