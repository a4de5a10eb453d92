#!/usr/bin/env node
/** Draws the ribbon icons (a ledger with a tick) at 16/32/64/80/128 px into assets/, as plain PNGs. */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function png(size, rgba) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// shape tests in unit coordinates (0..1); later layers paint over earlier ones
const GREEN = [31, 111, 92],
  WHITE = [255, 255, 255],
  GOLD = [242, 177, 52];
function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
function colorAt(x, y) {
  const r = 0.18,
    m = 0.04;
  const cx = Math.min(Math.max(x, m + r), 1 - m - r),
    cy = Math.min(Math.max(y, m + r), 1 - m - r);
  if (Math.hypot(x - cx, y - cy) > r) return null; // rounded square
  let c = GREEN;
  // ledger lines
  for (const ly of [0.3, 0.46, 0.62]) if (x > 0.2 && x < 0.8 && Math.abs(y - ly) < 0.035) c = WHITE;
  if (y > 0.265 && y < 0.655 && Math.abs(x - 0.38) < 0.03) c = WHITE;
  // tick
  const d = Math.min(distToSegment(x, y, 0.42, 0.72, 0.53, 0.82), distToSegment(x, y, 0.53, 0.82, 0.8, 0.52));
  if (d < 0.06) c = GOLD;
  return c;
}

function draw(size) {
  const ss = 4,
    buf = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let rr = 0,
        gg = 0,
        bb = 0,
        aa = 0;
      for (let i = 0; i < ss; i++)
        for (let j = 0; j < ss; j++) {
          const c = colorAt((x + (j + 0.5) / ss) / size, (y + (i + 0.5) / ss) / size);
          if (c) {
            rr += c[0];
            gg += c[1];
            bb += c[2];
            aa++;
          }
        }
      const o = (y * size + x) * 4;
      if (aa) {
        buf[o] = rr / aa;
        buf[o + 1] = gg / aa;
        buf[o + 2] = bb / aa;
      }
      buf[o + 3] = Math.round((255 * aa) / (ss * ss));
    }
  return png(size, buf);
}

const out = path.resolve(__dirname, "../assets");
fs.mkdirSync(out, { recursive: true });
for (const s of [16, 32, 64, 80, 128]) fs.writeFileSync(path.join(out, `icon-${s}.png`), draw(s));
console.log("icons written to", out);
