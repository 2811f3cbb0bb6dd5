/**
 * Where in the user's code an op was created, for error messages ("defined at model.ts:12").
 *
 * Capturing a V8 stack is cheap (the frames are recorded, the text is formatted on first use),
 * so every op keeps one; it is formatted only when an error names the op.
 */
import * as path from 'path';

const SRC_DIR = path.resolve(__dirname, '..');
const FRAME = /\(?((?:[A-Za-z]:)?[^():]+):(\d+):(\d+)\)?$/;
const CAPTURE_DEPTH = 16;

export class Traceback {
  private readonly holder: {stack?: string} = {};
  private cached: string[] | undefined;

  constructor() {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = CAPTURE_DEPTH;
    Error.captureStackTrace(this.holder, Traceback);
    Error.stackTraceLimit = limit;
  }

  /** The user's frames, innermost first, as `file:line` relative to the working directory. */
  frames(): string[] {
    if (this.cached) return this.cached;
    const out: string[] = [];
    for (const line of (this.holder.stack ?? '').split('\n').slice(1)) {
      const m = FRAME.exec(line.trim());
      if (!m) continue;
      const file = m[1].replace(/^at\s+/, '');
      if (!path.isAbsolute(file) || file.startsWith(SRC_DIR + path.sep)) continue;
      if (file.includes(`${path.sep}node_modules${path.sep}`)) continue;
      out.push(`${path.relative(process.cwd(), file) || file}:${m[2]}`);
    }
    return (this.cached = out);
  }

  /** The innermost user frame: where the op was created. */
  get site(): string {
    return this.frames()[0] ?? '<unknown>';
  }
}
