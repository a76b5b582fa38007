// Draws the Teams app icons with pngjs: `npx tsx scripts/make-icons.ts`.
// color.png (192×192): two white rings overlapping on the accent colour, "learning together".
// outline.png (32×32): the same rings in white on a transparent background, as Teams asks.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

export const ACCENT = { r: 0x3b, g: 0x5b, b: 0xa5 };
const WHITE = { r: 255, g: 255, b: 255 };

interface Ring {
  readonly cx: number;
  readonly cy: number;
  readonly radius: number;
  readonly width: number;
}

/** Coverage (0..1) of a pixel by a ring, sampled 4×4 inside the pixel for smooth edges. */
function ringCoverage(ring: Ring, x: number, y: number): number {
  let covered = 0;
  const samples = 4;
  for (let sy = 0; sy < samples; sy += 1) {
    for (let sx = 0; sx < samples; sx += 1) {
      const px = x + (sx + 0.5) / samples;
      const py = y + (sy + 0.5) / samples;
      const distance = Math.hypot(px - ring.cx, py - ring.cy);
      if (Math.abs(distance - ring.radius) <= ring.width / 2) covered += 1;
    }
  }
  return covered / (samples * samples);
}

function rings(size: number): Ring[] {
  const radius = size * 0.24;
  const width = Math.max(2, size * 0.065);
  const offset = radius * 0.62;
  return [
    { cx: size / 2 - offset, cy: size / 2, radius, width },
    { cx: size / 2 + offset, cy: size / 2, radius, width },
  ];
}

function draw(size: number, background: { r: number; g: number; b: number } | null): PNG {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const shapes = rings(size);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const coverage = Math.min(1, shapes.reduce((sum, ring) => sum + ringCoverage(ring, x, y), 0));
      const index = (y * size + x) * 4;
      if (background) {
        png.data[index] = Math.round(background.r + (WHITE.r - background.r) * coverage);
        png.data[index + 1] = Math.round(background.g + (WHITE.g - background.g) * coverage);
        png.data[index + 2] = Math.round(background.b + (WHITE.b - background.b) * coverage);
        png.data[index + 3] = 255;
      } else {
        // Outline icons are white; only the alpha channel carries the shape.
        png.data[index] = WHITE.r;
        png.data[index + 1] = WHITE.g;
        png.data[index + 2] = WHITE.b;
        png.data[index + 3] = Math.round(255 * coverage);
      }
    }
  }
  return png;
}

const directory = join(import.meta.dirname, '..', 'appPackage');
writeFileSync(join(directory, 'color.png'), PNG.sync.write(draw(192, ACCENT)));
writeFileSync(join(directory, 'outline.png'), PNG.sync.write(draw(32, null)));
console.log(`Wrote ${join(directory, 'color.png')} and ${join(directory, 'outline.png')}`);
