/**
 * SVG for the artists inside an axes: lines (d3-shape), markers, scatter collections, filled
 * contours (d3-contour's marching squares) and images. Sizes follow matplotlib: line widths
 * and marker sizes in points, scatter `s` as a marker area in points², dashes scaled by the
 * line width (lines.scale_dashes).
 */
import {type AxesImage, type ContourSet, type Line2D, type Marker, type PathCollection, RC, UNFILLED} from './artists';
import {type RGBA, svgColor} from './colors';
import {d3contour, d3shape} from './deps';
import {pngDataUri} from './image';
import {pt} from './layout';

/** Data → pixel maps of an axes (d3 linear scales, or any function in a legend handle). */
export interface Scales {
  x: (v: number) => number;
  y: (v: number) => number;
  dpi: number;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A number for SVG: two decimals are a hundredth of a pixel. */
export const f = (v: number): string => String(Math.round(v * 100) / 100);

export function fillAttrs(c: RGBA): string {
  const {color, opacity} = svgColor(c);
  return opacity < 1 ? `fill="${color}" fill-opacity="${f(opacity)}"` : `fill="${color}"`;
}

export function strokeAttrs(c: RGBA, widthPx: number): string {
  const {color, opacity} = svgColor(c);
  return `stroke="${color}" stroke-width="${f(widthPx)}"${opacity < 1 ? ` stroke-opacity="${f(opacity)}"` : ''}`;
}

/** A marker's outline centered on (0, 0), `size` = matplotlib's marker size in pixels. */
export function markerPath(marker: Marker, size: number): string {
  const r = size / 2;
  switch (marker) {
    case 'o':
    case '.':
    case 'h':
    case 'H': {
      const rr = marker === '.' ? r / 2 : r;
      return `M${f(rr)},0A${f(rr)},${f(rr)} 0 1,1 ${f(-rr)},0A${f(rr)},${f(rr)} 0 1,1 ${f(rr)},0Z`;
    }
    case ',':
      return 'M-0.5,-0.5h1v1h-1Z';
    case 's':
      return `M${f(-r)},${f(-r)}H${f(r)}V${f(r)}H${f(-r)}Z`;
    case 'D':
    case 'd': {
      const w = marker === 'd' ? r * 0.6 : r;
      return `M0,${f(-r)}L${f(w)},0L0,${f(r)}L${f(-w)},0Z`;
    }
    case '^':
      return `M0,${f(-r)}L${f(r)},${f(r)}L${f(-r)},${f(r)}Z`;
    case 'v':
      return `M0,${f(r)}L${f(r)},${f(-r)}L${f(-r)},${f(-r)}Z`;
    case '<':
      return `M${f(-r)},0L${f(r)},${f(-r)}L${f(r)},${f(r)}Z`;
    case '>':
      return `M${f(r)},0L${f(-r)},${f(-r)}L${f(-r)},${f(r)}Z`;
    case 'p':
    case '*': {
      const n = 5;
      const pts: string[] = [];
      for (let k = 0; k < (marker === '*' ? 2 * n : n); k++) {
        const ang = -Math.PI / 2 + (k * Math.PI * 2) / (marker === '*' ? 2 * n : n);
        const rad = marker === '*' && k % 2 === 1 ? r * 0.38 : r;
        pts.push(`${f(rad * Math.cos(ang))},${f(rad * Math.sin(ang))}`);
      }
      return `M${pts.join('L')}Z`;
    }
    case '+':
      return `M${f(-r)},0H${f(r)}M0,${f(-r)}V${f(r)}`;
    case 'x':
      return `M${f(-r)},${f(-r)}L${f(r)},${f(r)}M${f(-r)},${f(r)}L${f(r)},${f(-r)}`;
    case '|':
      return `M0,${f(-r)}V${f(r)}`;
    case '_':
      return `M${f(-r)},0H${f(r)}`;
    default:
      return '';
  }
}

/** One marker at (x, y): filled markers with an edge of the same color, unfilled ones stroked. */
export function markerSvg(marker: Marker, sizePx: number, x: number, y: number, color: RGBA, edgePx: number): string {
  const d = markerPath(marker, sizePx);
  const at = `transform="translate(${f(x)},${f(y)})"`;
  if (UNFILLED.has(marker) && marker !== ',') return `<path d="${d}" ${at} fill="none" ${strokeAttrs(color, edgePx)}/>`;
  return `<path d="${d}" ${at} ${fillAttrs(color)} ${strokeAttrs(color, edgePx)}/>`;
}

export function lineSvg(l: Line2D, s: Scales): string {
  const out: string[] = [];
  const pts = l.x.map((x, i): [number, number] => [s.x(x), s.y(l.y[i])]);
  if (l.linestyle !== '' && pts.length > 1) {
    const d = d3shape().line().defined(([x, y]) => Number.isFinite(x) && Number.isFinite(y))(pts) ?? '';
    const w = pt(l.linewidth, s.dpi);
    const dash = RC.dashes[l.linestyle];
    const dashAttr = dash ? ` stroke-dasharray="${dash.map((v) => f(pt(v * l.linewidth, s.dpi))).join(',')}"` : '';
    // lines.solid_capstyle 'projecting', dash_capstyle 'butt', joinstyle 'round'.
    const cap = dash ? 'butt' : 'square';
    out.push(`<path d="${d}" fill="none" ${strokeAttrs(l.color, w)} stroke-linejoin="round" stroke-linecap="${cap}"${dashAttr}/>`);
  }
  if (l.marker !== '') {
    const size = pt(l.markersize, s.dpi);
    for (const [x, y] of pts) {
      if (Number.isFinite(x) && Number.isFinite(y)) out.push(markerSvg(l.marker, size, x, y, l.color, pt(1, s.dpi)));
    }
  }
  return out.join('\n');
}

export function scatterSvg(c: PathCollection, s: Scales): string {
  const out: string[] = [];
  const edge = pt(c.linewidth, s.dpi);
  c.x.forEach((xv, i) => {
    const x = s.x(xv);
    const y = s.y(c.y[i]);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    const area = c.sizes[i % c.sizes.length];
    const size = pt(Math.sqrt(area), s.dpi);
    // scatter's edges are the face color (scatter.edgecolors 'face') for filled markers.
    out.push(markerSvg(c.marker, size, x, y, c.colors[i % c.colors.length], edge));
  });
  return out.join('\n');
}

/** Grid index (possibly fractional) → data coordinate along one axis of a rectilinear grid. */
function along(coords: readonly number[], t: number): number {
  const c = Math.min(Math.max(t, 0), coords.length - 1);
  const i = Math.min(Math.floor(c), coords.length - 2);
  if (coords.length === 1) return coords[0];
  return coords[i] + (coords[i + 1] - coords[i]) * (c - i);
}

/**
 * Filled contours: for each band, the region z >= lower minus the region z >= upper (even-odd
 * fill of both outlines), so translucent bands do not stack. d3-contour puts sample (i, j) at
 * grid coordinate (j + 0.5, i + 0.5); mapping back clamps to the grid, so regions end at its edge.
 */
export function contourfSvg(cs: ContourSet, s: Scales): string {
  const gen = d3contour().contours().size([cs.nx, cs.ny]).smooth(true);
  const z = cs.z.map((v) => (Number.isFinite(v) ? v : NaN));
  const rings = (threshold: number): string => {
    const mp = gen.contour(z, threshold);
    return mp.coordinates
      .flatMap((poly) => poly.map((ring) => 'M' + ring.map(([gx, gy]) => `${f(s.x(along(cs.xs, gx - 0.5)))},${f(s.y(along(cs.ys, gy - 0.5)))}`).join('L') + 'Z'))
      .join('');
  };
  const outlines = cs.levels.map((l) => rings(l));
  const out: string[] = [];
  for (let i = 0; i < cs.levels.length - 1; i++) {
    const top = i === cs.levels.length - 2;
    const d = outlines[i] + (top ? '' : outlines[i + 1]);
    if (d) out.push(`<path d="${d}" fill-rule="evenodd" ${fillAttrs(cs.colors[i])} stroke="none"/>`);
  }
  return out.join('\n');
}

/** An image drawn as blocks of pixels (no smoothing: what 'nearest' interpolation shows). */
export function imageSvg(im: AxesImage, s: Scales): string {
  const [left, right, bottom, top] = im.extent;
  const x0 = s.x(left);
  const x1 = s.x(right);
  const yTop = s.y(top);
  const yBottom = s.y(bottom);
  const href = pngDataUri(im.rgba, im.cols, im.rows);
  const x = Math.min(x0, x1);
  const y = Math.min(yTop, yBottom);
  // Flip when the extent runs against the axes' direction.
  const sx = x1 < x0 ? -1 : 1;
  const sy = yBottom < yTop ? -1 : 1;
  const flip = sx < 0 || sy < 0 ? ` transform="translate(${f(sx < 0 ? 2 * x + Math.abs(x1 - x0) : 0)},${f(sy < 0 ? 2 * y + Math.abs(yBottom - yTop) : 0)}) scale(${sx},${sy})"` : '';
  return `<image x="${f(x)}" y="${f(y)}" width="${f(Math.abs(x1 - x0))}" height="${f(Math.abs(yBottom - yTop))}" preserveAspectRatio="none" image-rendering="optimizeSpeed" href="${href}"${flip}/>`;
}
