/**
 * The rendering libraries, loaded on first use: d3's modules are ES modules (Node loads them
 * with require() from 20.19 / 22.12 on) and resvg is a native addon, so `import 'tf1ts'` costs
 * nothing and works everywhere; only drawing needs them.
 */
import type * as D3Color from 'd3-color';
import type * as D3Contour from 'd3-contour';
import type * as D3Scale from 'd3-scale';
import type * as D3Chromatic from 'd3-scale-chromatic';
import type * as D3Shape from 'd3-shape';
import type * as Resvg from '@resvg/resvg-js';

const loaded = new Map<string, unknown>();

function load<T>(name: string): T {
  if (!loaded.has(name)) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      loaded.set(name, require(name));
    } catch (e) {
      const code = (e as {code?: string}).code;
      if (code === 'ERR_REQUIRE_ESM') {
        throw new Error(`plt needs ${name}, an ES module, which this Node (${process.version}) cannot require(): use Node >= 20.19 or >= 22.12`);
      }
      throw e;
    }
  }
  return loaded.get(name) as T;
}

export const d3color = (): typeof D3Color => load('d3-color');
export const d3contour = (): typeof D3Contour => load('d3-contour');
export const d3scale = (): typeof D3Scale => load('d3-scale');
export const d3chromatic = (): typeof D3Chromatic => load('d3-scale-chromatic');
export const d3shape = (): typeof D3Shape => load('d3-shape');
export const resvg = (): typeof Resvg => load('@resvg/resvg-js');
