// The tray icon, drawn in code: a ring in the app's colour with a centre dot
// whose colour says how the accounts are (green all connected, amber one is
// unreachable or renewing, red one needs the operator). No image file to ship
// or lose; pure, so the pixels are tested in Node.
import type { AccountSnapshot } from '../ipc/contract';

export type TrayStatus = 'none' | 'ok' | 'attention' | 'problem';

export function trayStatus(accounts: readonly AccountSnapshot[]): TrayStatus {
  if (accounts.length === 0) return 'none';
  if (accounts.some((a) => a.state === 'expired' || a.state === 'error')) return 'problem';
  if (accounts.some((a) => a.state !== 'connected')) return 'attention';
  return 'ok';
}

type Rgb = readonly [number, number, number];
const RING: Rgb = [0x1f, 0x5f, 0xbf];
const DOT: Readonly<Record<TrayStatus, Rgb>> = {
  none: [0x8a, 0x8f, 0x98],
  ok: [0x1e, 0x9e, 0x4a],
  attention: [0xe0, 0x9b, 0x12],
  problem: [0xd0, 0x30, 0x30],
};

/** Coverage of a pixel by a disc (1 inside, 0 outside, a 1 px soft edge). */
function cover(distance: number, radius: number): number {
  return Math.min(1, Math.max(0, radius - distance + 0.5));
}

/**
 * A `size`×`size` bitmap in the layout nativeImage.createFromBitmap takes:
 * 32-bit BGRA, alpha premultiplied, rows top to bottom.
 */
export function trayIconBitmap(size: number, status: TrayStatus): Buffer {
  if (!Number.isInteger(size) || size < 8 || size > 256) {
    throw new RangeError('Tray icon size must be a whole number from 8 to 256.');
  }
  const pixels = Buffer.alloc(size * size * 4);
  const centre = (size - 1) / 2;
  const outer = size / 2 - 0.5;
  const inner = outer - Math.max(2, size / 8);
  const dot = inner - Math.max(1.5, size / 10);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - centre, y - centre);
      const ring = cover(d, outer) * (1 - cover(d, inner));
      const centreDot = cover(d, dot);
      const alpha = Math.min(1, ring + centreDot);
      const [r, g, b] = centreDot > ring ? DOT[status] : RING;
      const at = (y * size + x) * 4;
      pixels[at] = Math.round(b * alpha);
      pixels[at + 1] = Math.round(g * alpha);
      pixels[at + 2] = Math.round(r * alpha);
      pixels[at + 3] = Math.round(255 * alpha);
    }
  }
  return pixels;
}
