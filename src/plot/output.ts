/**
 * Writing figures: the SVG document, and PNG rasterized by resvg (Rust, prebuilt inside its npm
 * package: no browser, nothing built or downloaded) with the DejaVu Sans files of the
 * dejavu-fonts-ttf package, so a figure renders the same on every machine.
 */
import * as fs from 'fs';
import * as path from 'path';
import {resvg} from './deps';
import {type Figure} from './figure';
import {FONT_FAMILY, figureSvg} from './render_svg';

let fontFiles: string[] | null = null;

function fonts(): string[] {
  if (fontFiles === null) {
    const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    fontFiles = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => path.join(dir, f)).filter((f) => fs.existsSync(f));
  }
  return fontFiles;
}

/** An SVG document as PNG bytes, scaled by `zoom` (savefig's dpi over the figure's). */
export function rasterize(svg: string, zoom = 1): Buffer {
  const r = new (resvg().Resvg)(svg, {
    font: {loadSystemFonts: false, fontFiles: fonts(), defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY},
    fitTo: zoom === 1 ? {mode: 'original'} : {mode: 'zoom', value: zoom},
    background: '#ffffff',
    logLevel: 'off',
  });
  return r.render().asPng();
}

/** `savefig`: the format from the option or the extension ('.svg' → SVG, otherwise PNG; no extension → '.png' added). */
export function writeFigure(fig: Figure, fname: string, o: {dpi?: number; format?: 'png' | 'svg'} = {}): string {
  const ext = path.extname(fname).toLowerCase();
  const format = o.format ?? (ext === '.svg' ? 'svg' : 'png');
  const file = ext === '' ? `${fname}.${format}` : fname;
  if (format !== 'png' && format !== 'svg') throw new Error(`Format '${format}' is not supported (supported formats: png, svg)`);
  const svg = figureSvg(fig);
  fs.mkdirSync(path.dirname(path.resolve(file)), {recursive: true});
  if (format === 'svg') fs.writeFileSync(file, svg);
  else fs.writeFileSync(file, rasterize(svg, (o.dpi ?? fig.dpi) / fig.dpi));
  return file;
}
