/**
 * `legend()`: matplotlib's box (white at alpha 0.8, edge '0.8', rounded corners, borderpad 0.4,
 * labelspacing 0.5, handlelength 2, handletextpad 0.8, borderaxespad 0.5, all in font sizes)
 * and its 'best' placement: of the nine anchored positions, the first that covers the fewest
 * data vertices, scatter points and crossing lines (`Legend._find_best_position`).
 */
import {type Line2D, type PathCollection, RC} from './artists';
import {type LegendLoc} from './axes';
import {type Box, pt} from './layout';
import {type Scales, escapeXml, f, fillAttrs, lineSvg, markerSvg, strokeAttrs} from './render_artists';
import {textWidth} from './ticks';

const CODES: LegendLoc[] = [
  'upper right', 'upper left', 'lower left', 'lower right', 'right', 'center left', 'center right', 'lower center', 'upper center', 'center',
];

function anchored(loc: LegendLoc, w: number, h: number, ax: Box, pad: number): Box {
  const right = ax.x + ax.w - pad - w;
  const left = ax.x + pad;
  const cx = ax.x + (ax.w - w) / 2;
  const top = ax.y + pad;
  const bottom = ax.y + ax.h - pad - h;
  const cy = ax.y + (ax.h - h) / 2;
  const [x, y] = {
    'best': [right, top], 'upper right': [right, top], 'upper left': [left, top], 'lower left': [left, bottom],
    'lower right': [right, bottom], 'right': [right, cy], 'center left': [left, cy], 'center right': [right, cy],
    'lower center': [cx, bottom], 'upper center': [cx, top], 'center': [cx, cy],
  }[loc];
  return {x, y, w, h};
}

const inside = (b: Box, x: number, y: number) => x > b.x && x < b.x + b.w && y > b.y && y < b.y + b.h;

/** Whether segment p-q crosses or lies in the box (Liang–Barsky clipping). */
function segmentHits(b: Box, px: number, py: number, qx: number, qy: number): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = qx - px;
  const dy = qy - py;
  const tests: [number, number][] = [[-dx, px - b.x], [dx, b.x + b.w - px], [-dy, py - b.y], [dy, b.y + b.h - py]];
  for (const [p, q] of tests) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return false;
    }
  }
  return true;
}

function badness(b: Box, items: (Line2D | PathCollection)[], s: Scales): number {
  let n = 0;
  for (const a of items) {
    const xs = a.x.map((v) => s.x(v));
    const ys = a.y.map((v) => s.y(v));
    for (let i = 0; i < xs.length; i++) if (inside(b, xs[i], ys[i])) n++;
    if (a.kind === 'line' && a.linestyle !== '') {
      for (let i = 1; i < xs.length; i++) {
        if (segmentHits(b, xs[i - 1], ys[i - 1], xs[i], ys[i])) {
          n++;
          break;
        }
      }
    }
  }
  return n;
}

/** The legend's SVG for the labelled artists, placed inside the axes box. */
export function legendSvg(entries: (Line2D | PathCollection)[], all: (Line2D | PathCollection)[], loc: LegendLoc, ax: Box, s: Scales): string {
  if (entries.length === 0) return '';
  const font = pt(RC.fontSize, s.dpi);
  const em = font;
  const lineH = font * 1.17;
  const handleW = 2 * em;
  const textW = Math.max(...entries.map((e) => textWidth(e.label ?? '', font)));
  const w = 2 * 0.4 * em + handleW + 0.8 * em + textW;
  const h = 2 * 0.4 * em + entries.length * lineH + (entries.length - 1) * 0.5 * em;
  const pad = 0.5 * em;
  let box = anchored(loc, w, h, ax, pad);
  if (loc === 'best') {
    let best = Infinity;
    for (const code of CODES) {
      const cand = anchored(code, w, h, ax, pad);
      const bad = badness(cand, all, s);
      if (bad < best) {
        best = bad;
        box = cand;
      }
      if (bad === 0) break;
    }
  }
  const out = [
    `<rect x="${f(box.x)}" y="${f(box.y)}" width="${f(box.w)}" height="${f(box.h)}" rx="${f(0.2 * em)}" fill="#ffffff" fill-opacity="0.8" ${strokeAttrs([0.8, 0.8, 0.8, 1], pt(1, s.dpi))}/>`,
  ];
  entries.forEach((e, i) => {
    const cy = box.y + 0.4 * em + i * (lineH + 0.5 * em) + lineH / 2;
    const hx = box.x + 0.4 * em;
    if (e.kind === 'line') {
      const seg: Line2D = {...e, x: [0, 1], y: [0, 0]};
      const handle: Scales = {x: (v) => hx + v * handleW, y: () => cy, dpi: s.dpi};
      // One marker in the middle of the handle (legend.numpoints 1), the line along it.
      out.push(lineSvg({...seg, marker: ''}, handle));
      if (e.marker !== '') out.push(markerSvg(e.marker, pt(e.markersize, s.dpi), hx + handleW / 2, cy, e.color, pt(1, s.dpi)));
    } else {
      const size = pt(Math.sqrt(e.sizes[0]), s.dpi);
      out.push(markerSvg(e.marker, size, hx + handleW / 2, cy, e.colors[0], pt(e.linewidth, s.dpi)));
    }
    out.push(`<text x="${f(hx + handleW + 0.8 * em)}" y="${f(cy + 0.36 * font)}" font-size="${f(font)}" ${fillAttrs([0, 0, 0, 1])}>${escapeXml(e.label ?? '')}</text>`);
  });
  return out.join('\n');
}
