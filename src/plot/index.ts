/**
 * `plt`: the matplotlib calls of the book's listings, headless. Figures are SVG built with d3's
 * computational modules (scales, line paths, marching-squares contours, colormaps) and
 * rasterized to PNG by resvg; `plt.show()` writes them (see ./pyplot).
 *
 *     import {plt, np} from 'tf1ts';
 *     plt.plot(train_X, train_Y, 'ro', {label: 'Original data'});
 *     plt.legend();
 *     plt.show();            // Figure saved: plots/03-01-linear-regression-1.png
 *
 * `pylab` is the same module (the book's `import pylab; pylab.imshow(im); pylab.show()`), and
 * `colors` is `matplotlib.colors` (`from matplotlib.colors import colorConverter, ListedColormap`).
 */
import * as pyplot from './pyplot';
import {Colormap, ListedColormap, Normalize, cm, colorConverter, get_cmap, is_color_like, to_hex, to_rgb, to_rgba} from './colors';

/** `matplotlib.colors`. */
export const colors = {Colormap, ListedColormap, Normalize, colorConverter, to_rgba, to_rgb, to_hex, is_color_like, get_cmap};

/** `matplotlib.pyplot`, with `plt.cm`, `plt.get_cmap` and the colors helpers the book imports beside it. */
export const plt = {...pyplot, cm, get_cmap, ListedColormap, colorConverter, colors};
/** `import pylab`: the same functions. */
export const pylab = plt;

export {cm, colorConverter, ListedColormap, Colormap, Normalize, get_cmap, to_rgba};
export type {RGBA, ColorSpec} from './colors';
export {Figure} from './figure';
export {Axes} from './axes';
export {AxesArray, AxesGrid} from './pyplot';
export {figureSvg} from './render_svg';
export {rasterize} from './output';
