/**
 * PNG encoding of 8-bit RGBA pixels (no interlace, filter 0 on every row, zlib deflate; PNG spec
 * §§ 11.2, 10): for images made in memory, such as a heat map's raster. An image opaque throughout
 * is written as RGB (colour type 2): a quarter fewer bytes to deflate, and a PDF embeds it as it is,
 * where RGBA has to be decoded and split into colour and a soft mask first.
 */
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  // The CRC covers the type and the data, not the length.
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * PNG bytes of a `width` × `height` image; `rgba` holds 4 bytes per pixel, rows top to bottom.
 * `level` is zlib's deflate level (1 fastest … 9 smallest).
 */
export function encodePng(width: number, height: number, rgba: Uint8Array, level = 6): Uint8Array {
  if (rgba.length !== width * height * 4)
    throw new Error(`internal error: ${rgba.length} bytes for a ${width}×${height} RGBA image`);
  const opaque = isOpaque(rgba);
  const channels = opaque ? 3 : 4;
  const stride = width * channels;
  const raw = Buffer.alloc((stride + 1) * height);
  if (opaque) {
    for (let y = 0, from = 0; y < height; y++) {
      let to = y * (stride + 1) + 1;
      for (let x = 0; x < width; x++, from += 4, to += 3) {
        raw[to] = rgba[from];
        raw[to + 1] = rgba[from + 1];
        raw[to + 2] = rgba[from + 2];
      }
    }
  } else {
    const row = width * 4;
    for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * row, (y + 1) * row), y * (stride + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = opaque ? 2 : 6; // RGB or RGBA
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** Whether every pixel's alpha is 255. */
function isOpaque(rgba: Uint8Array): boolean {
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 255) return false;
  return true;
}
