/**
 * A Figure as an SVG document: per axes, the face, the artists in matplotlib's z-order (images
 * 0, contour fills and scatter 1, grid 1.5, lines 2), the spines, outward ticks with their
 * labels, axis labels, the title, the legend and a colorbar; d3-scale maps data to pixels.
 * Text is DejaVu Sans (matplotlib's default face), shipped with the package for the rasterizer.
 */
import {type Artist, RC} from './artists';
import {get_cmap, type RGBA} from './colors';
import {d3scale} from './deps';
import {type Figure} from './figure';
import {pngDataUri} from './image';
import {type AxesLayout, layoutFigure, pt} from './layout';
import {legendSvg} from './legend';
import {type Scales, contourfSvg, escapeXml, f, fillAttrs, imageSvg, lineSvg, scatterSvg, strokeAttrs} from './render_artists';
import {textWidth} from './ticks';

export const FONT_FAMILY = 'DejaVu Sans';
/** In the SVG: DejaVu Sans, and what a viewer without it should use instead. */
const FONT_STACK = "'DejaVu Sans', 'Bitstream Vera Sans', Arial, Helvetica, sans-serif";
const BLACK: RGBA = [0, 0, 0, 1];

function text(x: number, y: number, s: string, size: number, anchor: 'start' | 'middle' | 'end', extra = ''): string {
  return `<text x="${f(x)}" y="${f(y)}" font-size="${f(size)}" text-anchor="${anchor}"${extra}>${escapeXml(s)}</text>`;
}

function artistSvg(a: Artist, s: Scales): string {
  switch (a.kind) {
    case 'line':
      return lineSvg(a, s);
    case 'scatter':
      return scatterSvg(a, s);
    case 'contourf':
      return contourfSvg(a, s);
    case 'image':
      return imageSvg(a, s);
  }
}

/** Ticks out of the spines, labels beyond them, the offset text ('1e−5') at the axis end. */
function tickSvg(l: AxesLayout, s: Scales, dpi: number): string[] {
  const out: string[] = [];
  const {box} = l;
  const font = pt(RC.fontSize, dpi);
  const len = pt(RC.tickSize, dpi);
  const gap = len + pt(RC.tickPad, dpi);
  const tickStroke = strokeAttrs(BLACK, pt(RC.tickWidth, dpi));
  const bottom = box.y + box.h;
  l.xticks.locs.forEach((v, i) => {
    const x = s.x(v);
    out.push(`<path d="M${f(x)},${f(bottom)}V${f(bottom + len)}" ${tickStroke}/>`);
    out.push(text(x, bottom + gap + 0.76 * font, l.xticks.labels[i], font, 'middle'));
  });
  l.yticks.locs.forEach((v, i) => {
    const y = s.y(v);
    out.push(`<path d="M${f(box.x)},${f(y)}H${f(box.x - len)}" ${tickStroke}/>`);
    out.push(text(box.x - gap, y + 0.36 * font, l.yticks.labels[i], font, 'end'));
  });
  if (l.xticks.offsetText) out.push(text(box.x + box.w, bottom + gap + 1.17 * font + 0.76 * font, l.xticks.offsetText, font, 'end'));
  if (l.yticks.offsetText) out.push(text(box.x, box.y - 0.3 * font, l.yticks.offsetText, font, 'start'));
  return out;
}

function labelsSvg(l: AxesLayout, dpi: number): string[] {
  const out: string[] = [];
  const {box, ax} = l;
  const font = pt(RC.fontSize, dpi);
  const gap = pt(RC.tickSize + RC.tickPad, dpi);
  if (ax.title) out.push(text(box.x + box.w / 2, box.y - pt(RC.titlePad, dpi), ax.title, pt(RC.titleSize, dpi), 'middle'));
  if (!ax.axisOn) return out;
  if (ax.xlabel) {
    out.push(text(box.x + box.w / 2, box.y + box.h + gap + 1.17 * font + pt(RC.labelPad, dpi) + 0.76 * font, ax.xlabel, font, 'middle'));
  }
  if (ax.ylabel) {
    const labelsW = Math.max(0, ...l.yticks.labels.map((t) => textWidth(t, font)));
    const x = box.x - gap - labelsW - pt(RC.labelPad, dpi) - 0.24 * font;
    const y = box.y + box.h / 2;
    out.push(text(x, y, ax.ylabel, font, 'middle', ` transform="rotate(-90 ${f(x)} ${f(y)})"`));
  }
  return out;
}

/** A vertical colorbar: the colormap (or the contour bands) with ticks and labels on the right. */
function colorbarSvg(l: AxesLayout, dpi: number): string[] {
  const cb = l.colorbar;
  const m = l.ax.colorbar;
  if (!cb || !m) return [];
  const {box, ticks, lim} = cb;
  const y = d3scale().scaleLinear().domain(lim).range([box.y + box.h, box.y]);
  const out: string[] = [];
  if (m.kind === 'contourf') {
    m.colors.forEach((c, i) => {
      const y0 = y(m.levels[i + 1]);
      const y1 = y(m.levels[i]);
      out.push(`<rect x="${f(box.x)}" y="${f(y0)}" width="${f(box.w)}" height="${f(y1 - y0)}" ${fillAttrs(c)}/>`);
    });
  } else {
    const cmap = m.cmap ?? get_cmap(null);
    const n = cmap.N;
    const rgba = new Uint8ClampedArray(n * 4);
    for (let k = 0; k < n; k++) cmap.lut[n - 1 - k].forEach((v, j) => (rgba[k * 4 + j] = Math.round(v * 255)));
    out.push(`<image x="${f(box.x)}" y="${f(box.y)}" width="${f(box.w)}" height="${f(box.h)}" preserveAspectRatio="none" href="${pngDataUri(rgba, 1, n)}"/>`);
  }
  out.push(`<rect x="${f(box.x)}" y="${f(box.y)}" width="${f(box.w)}" height="${f(box.h)}" fill="none" ${strokeAttrs(BLACK, pt(RC.axesLineWidth, dpi))}/>`);
  const font = pt(RC.fontSize, dpi);
  const len = pt(RC.tickSize, dpi);
  const right = box.x + box.w;
  ticks.locs.forEach((v, i) => {
    const ty = y(v);
    out.push(`<path d="M${f(right)},${f(ty)}H${f(right + len)}" ${strokeAttrs(BLACK, pt(RC.tickWidth, dpi))}/>`);
    out.push(text(right + len + pt(RC.tickPad, dpi), ty + 0.36 * font, ticks.labels[i], font, 'start'));
  });
  return out;
}

function axesSvg(l: AxesLayout, id: number, dpi: number): string {
  const {box, ax} = l;
  const s: Scales = {
    x: d3scale().scaleLinear().domain(l.xlim).range([box.x, box.x + box.w]),
    y: d3scale().scaleLinear().domain(l.ylim).range([box.y + box.h, box.y]),
    dpi,
  };
  const out: string[] = [];
  const clip = `clip${id}`;
  out.push(`<clipPath id="${clip}"><rect x="${f(box.x)}" y="${f(box.y)}" width="${f(box.w)}" height="${f(box.h)}"/></clipPath>`);
  if (ax.axisOn) out.push(`<rect x="${f(box.x)}" y="${f(box.y)}" width="${f(box.w)}" height="${f(box.h)}" fill="#ffffff"/>`);
  const layers = ax.artists.map((a, i) => ({a, i})).sort((p, q) => p.a.zorder - q.a.zorder || p.i - q.i);
  const grid: string[] = [];
  if (ax.gridOn && ax.axisOn) {
    const g = strokeAttrs(to255(RC.gridColor), pt(RC.gridWidth, dpi));
    for (const v of l.xticks.locs) grid.push(`<path d="M${f(s.x(v))},${f(box.y)}V${f(box.y + box.h)}" ${g}/>`);
    for (const v of l.yticks.locs) grid.push(`<path d="M${f(box.x)},${f(s.y(v))}H${f(box.x + box.w)}" ${g}/>`);
  }
  const inner: string[] = [];
  let gridDone = false;
  for (const {a} of layers) {
    if (!gridDone && a.zorder > 1.5) {
      inner.push(...grid);
      gridDone = true;
    }
    inner.push(artistSvg(a, s));
  }
  if (!gridDone) inner.push(...grid);
  out.push(`<g clip-path="url(#${clip})">\n${inner.join('\n')}\n</g>`);
  if (ax.axisOn) {
    out.push(`<rect x="${f(box.x)}" y="${f(box.y)}" width="${f(box.w)}" height="${f(box.h)}" fill="none" ${strokeAttrs(BLACK, pt(RC.axesLineWidth, dpi))} stroke-linecap="square"/>`);
    out.push(...tickSvg(l, s, dpi));
  }
  out.push(...labelsSvg(l, dpi));
  if (ax.legendLoc) {
    const all = ax.artists.filter((a): a is Extract<Artist, {kind: 'line' | 'scatter'}> => a.kind === 'line' || a.kind === 'scatter');
    out.push(legendSvg(ax.labelled(), all, ax.legendLoc, box, s));
  }
  out.push(...colorbarSvg(l, dpi));
  return out.join('\n');
}

function to255(hex: string): RGBA {
  const v = (i: number) => parseInt(hex.slice(i, i + 2), 16) / 255;
  return [v(1), v(3), v(5), 1];
}

/** The figure as a standalone SVG document, in pixels at the figure's dpi. */
export function figureSvg(fig: Figure): string {
  const [W, H] = fig.pixels;
  const layouts = layoutFigure(fig);
  const body = layouts.map((l, i) => axesSvg(l, i, fig.dpi));
  if (fig.suptitleText) body.push(text(W / 2, pt(RC.titleSize * 1.2, fig.dpi) * 1.3, fig.suptitleText, pt(RC.titleSize * 1.2, fig.dpi), 'middle'));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${FONT_STACK}">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
