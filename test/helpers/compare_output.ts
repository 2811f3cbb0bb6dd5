/**
 * Comparing an example's printed output with what real TensorFlow printed for the same listing:
 * the text must be the same once numbers are set aside, and the numbers equal within a float32
 * tolerance. Differences that are Python's or TF 2's and not TF1's are normalised away first:
 * bytes literals (`b'…'`), object addresses, and NodeDef attrs TF 2 added (`grad_a`, `grad_b`).
 */
const NUMBER = /[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:e[-+]?\d+)?|\bnan\b|-?\binf\b/gi;

export interface CompareOptions {
  rtol?: number;
  atol?: number;
  /** Lines (after normalisation) whose numbers are not compared, e.g. nondeterministic ones. */
  skipNumbersIn?: RegExp[];
}

/** Python/TF2 artefacts and object identities, made comparable. */
export function normalize(text: string): string {
  let t = text.replace(/b'([^']*)'/g, '$1').replace(/\bNone\b/g, 'null');
  // Where the MNIST reader found its files depends on the working directory: keep the file name.
  t = t.replace(/^Extracting .*?([^/\\]+?)(\.gz)?$/gm, 'Extracting $1');
  // plt.show() writes the figures and says where; matplotlib's show() under Agg prints nothing.
  t = t.replace(/^Figure saved: .*\.(png|svg)\n?/gm, '');
  t = numberIdentities(t);
  t = normalizeNodeDefAttrs(t);
  return t;
}

/** `<… Graph object at 0x7f…>` and `<tf1ts.Graph object #3>` → `<Graph 1>`, numbered by first appearance. */
function numberIdentities(text: string): string {
  const seen = new Map<string, number>();
  return text.replace(/<(?:tensorflow\.python\.framework\.ops\.Graph object at (0x[0-9a-f]+)|tf1ts\.Graph object (#\d+))>/g, (_, addr, id) => {
    const key = addr ?? id;
    if (!seen.has(key)) seen.set(key, seen.size + 1);
    return `<Graph ${seen.get(key)}>`;
  });
}

/** NodeDef text: attr blocks sorted by key, without the attrs TF 2 added to TF1's ops. */
function normalizeNodeDefAttrs(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    if (lines[i] !== 'attr {') {
      out.push(lines[i++]);
      continue;
    }
    const blocks: {key: string; lines: string[]}[] = [];
    while (lines[i] === 'attr {') {
      const start = i;
      let depth = 0;
      do {
        depth += (lines[i].match(/\{/g) ?? []).length - (lines[i].match(/\}/g) ?? []).length;
        i++;
      } while (depth > 0 && i < lines.length);
      const block = lines.slice(start, i);
      const key = /key: "(.*)"/.exec(block[1] ?? '')?.[1] ?? '';
      if (key !== 'grad_a' && key !== 'grad_b') blocks.push({key, lines: block});
    }
    blocks.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).forEach((b) => out.push(...b.lines));
  }
  return out.join('\n');
}

function numbersOf(text: string): number[] {
  return (text.match(NUMBER) ?? []).map((s) => (/nan/i.test(s) ? NaN : /inf/i.test(s) ? (s.startsWith('-') ? -Infinity : Infinity) : Number(s)));
}

/**
 * The text with numbers set aside and layout made immaterial: whitespace runs (line breaks
 * included, since Node breaks a long array over lines where Python prints one line) become one
 * space, and the space Node puts inside brackets (`[ a, b ]` for Python's `[a, b]`) goes.
 */
function skeleton(text: string): string {
  return text.replace(NUMBER, '#').replace(/\s+/g, ' ').replace(/([[({]) /g, '$1').replace(/ ([\])}])/g, '$1').trim();
}

/** Differences between our output and TF's, one message each (empty when they agree). */
export function compareOutputs(ours: string, theirs: string, o: CompareOptions = {}): string[] {
  const rtol = o.rtol ?? 1e-5;
  const atol = o.atol ?? 1e-6;
  const a = normalize(ours);
  const b = normalize(theirs);
  const sa = skeleton(a);
  const sb = skeleton(b);
  if (sa !== sb) {
    let i = 0;
    while (i < sa.length && sa[i] === sb[i]) i++;
    return [`text differs at "…${sa.slice(Math.max(0, i - 60), i + 40)}…" vs TF "…${sb.slice(Math.max(0, i - 60), i + 40)}…"`];
  }
  const skipped = new Set<number>();
  if (o.skipNumbersIn) {
    // Numbers on TF's lines matching a pattern are not compared (their positions in the sequence).
    let k = 0;
    for (const line of b.split('\n')) {
      const n = numbersOf(line).length;
      if (o.skipNumbersIn.some((re) => re.test(line))) for (let j = 0; j < n; j++) skipped.add(k + j);
      k += n;
    }
  }
  const x = numbersOf(a);
  const y = numbersOf(b);
  const problems: string[] = [];
  y.forEach((w, k) => {
    if (skipped.has(k)) return;
    const v = x[k];
    const same = Number.isNaN(w) ? Number.isNaN(v) : !Number.isFinite(w) ? v === w : Math.abs(v - w) <= atol + rtol * Math.abs(w);
    if (!same) problems.push(`number ${k + 1}: ${v} vs TF ${w}`);
  });
  return problems;
}
