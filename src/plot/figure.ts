/**
 * `matplotlib.figure.Figure`: a size in inches at 100 dpi holding a grid of Axes
 * (`add_subplot(nrows, ncols, index)` or `add_subplot(211)`), `tight_layout()` and `savefig`.
 */
import {Axes, type SubplotSpec} from './axes';
import {RC} from './artists';
import {writeFigure} from './output';

export interface FigureOptions {
  figsize?: readonly [number, number];
  dpi?: number;
}

/** `subplot(211)`: a three-digit number is nrows, ncols, index. */
export function subplotSpec(args: readonly number[]): SubplotSpec {
  if (args.length === 0) return {nrows: 1, ncols: 1, index: 1};
  if (args.length === 1) {
    const n = args[0];
    if (!Number.isInteger(n) || n < 111 || n > 999) {
      throw new Error(`Single argument to subplot must be a three-digit integer, not ${n}`);
    }
    return subplotSpec([Math.floor(n / 100), Math.floor(n / 10) % 10, n % 10]);
  }
  const [nrows, ncols, index] = args;
  if (!(index >= 1 && index <= nrows * ncols)) {
    throw new Error(`num must be an integer with 1 <= num <= ${nrows * ncols}, not ${index}`);
  }
  return {nrows, ncols, index};
}

export class Figure {
  readonly figsize: [number, number];
  readonly dpi: number;
  readonly axes: Axes[] = [];
  /** Set by `tight_layout()`: margins fitted to the labels when the figure is drawn. */
  tight = false;
  suptitleText = '';
  private current: Axes | null = null;

  constructor(readonly number: number, o: FigureOptions = {}) {
    this.figsize = [...(o.figsize ?? RC.figsize)] as [number, number];
    this.dpi = o.dpi ?? RC.dpi;
  }

  /** The size in pixels at the figure's dpi. */
  get pixels(): [number, number] {
    return [Math.round(this.figsize[0] * this.dpi), Math.round(this.figsize[1] * this.dpi)];
  }

  /** `add_subplot(nrows, ncols, index)`: an existing axes at the same place is returned, as `plt.subplot` does. */
  add_subplot(...args: number[]): Axes {
    const spec = subplotSpec(args);
    const same = this.axes.find((a) => a.spec.nrows === spec.nrows && a.spec.ncols === spec.ncols && a.spec.index === spec.index);
    const ax = same ?? new Axes(spec);
    if (!same) this.axes.push(ax);
    this.current = ax;
    return ax;
  }

  /** `gca()`: the current axes, made (as subplot 111) if there is none. */
  gca(): Axes {
    return this.current ?? this.add_subplot(1, 1, 1);
  }

  /** `sca(ax)`. */
  sca(ax: Axes): Axes {
    if (!this.axes.includes(ax)) throw new Error('Axes is not in this figure');
    this.current = ax;
    return ax;
  }

  /** `tight_layout()`: fit the subplots' margins to their ticks, labels and titles (applied when drawn, so later titles count too). */
  tight_layout(): void {
    this.tight = true;
  }

  /** `suptitle(t)`: a title over the whole figure. */
  suptitle(t: string): void {
    this.suptitleText = t;
  }

  /** `clf()`: removes every axes. */
  clf(): void {
    this.axes.length = 0;
    this.current = null;
  }

  /** `savefig(fname, dpi='figure')`: PNG or SVG by the file's extension (PNG if none); returns the path written. */
  savefig(fname: string, o: {dpi?: number; format?: 'png' | 'svg'} = {}): string {
    return writeFigure(this, fname, o);
  }

  toString(): string {
    const [w, h] = this.pixels;
    return `Figure(${w}x${h})`;
  }
}
