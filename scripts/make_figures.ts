/**
 * Regenerates the figures committed under docs/figures/ (section 4.2's activation functions and
 * a few listings' plots) and their index docs/figures/README.md:
 *
 *     npx ts-node --transpile-only scripts/make_figures.ts
 *
 * Each example runs as a user runs it (`examples/run.ts <name> --seed 1`), with its figures sent
 * to docs/figures as PNG only. Seeded data and a rasterizer with bundled fonts make the files
 * the same on every run and every machine.
 */
import {spawnSync} from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'docs', 'figures');

/** The examples drawn, with what their figures show (in the order plt.show() writes them). */
const FIGURES: {name: string; args: string[]; title: string; captions: string[]}[] = [
  {
    name: '04-00-activation-functions', args: ['--seed', '1'], title: 'Section 4.2: activation functions',
    captions: ['Each activation in its own subplot (4×2, figsize 5×10)', 'All of them with a legend (noisy ReLU left out, as in the notebook)'],
  },
  {
    name: '03-01-linear-regression', args: ['--seed', '1'], title: 'Listing 3-1: linear regression',
    captions: ["The data ('ro')", 'The data and the fitted line', 'Moving-average loss (subplot 211)'],
  },
  {name: '05-01-mnist-load', args: [], title: 'Listing 5-1: an MNIST digit', captions: ['pylab.imshow of the second training image']},
  {
    name: '07-01-logistic-regression', args: ['--seed', '1'], title: 'Listing 7-1: logistic regression',
    captions: ['The two classes', 'Test data and the fitted line'],
  },
];

function main(): void {
  fs.mkdirSync(OUT, {recursive: true});
  const lines = ['# Figures', '', 'Made by tf1ts\'s `plt` (src/plot) when the examples run; regenerate with', '',
    '    npx ts-node --transpile-only scripts/make_figures.ts', ''];
  for (const fig of FIGURES) {
    for (const f of fs.readdirSync(OUT)) if (f.startsWith(`${fig.name}-`) && f.endsWith('.png')) fs.rmSync(path.join(OUT, f));
    const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'examples', 'run.ts'), fig.name, ...fig.args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {...process.env, TS_NODE_TRANSPILE_ONLY: '1', TF1TS_PLOT_DIR: OUT, TF1TS_PLOT_FORMATS: 'png'},
    });
    if (r.status !== 0) throw new Error(`${fig.name} failed:\n${r.stderr}`);
    const written = r.stdout.split('\n').filter((l) => l.startsWith('Figure saved: ')).map((l) => path.basename(l.slice('Figure saved: '.length)));
    if (written.length !== fig.captions.length) throw new Error(`${fig.name} wrote ${written.length} figures, expected ${fig.captions.length}`);
    const cmd = `npm run example -- ${fig.name}${fig.args.length ? ' ' + fig.args.join(' ') : ''}`;
    lines.push(`## ${fig.title}`, '', `\`${cmd}\` (examples/${fig.name}.ts)`, '');
    written.forEach((file, i) => lines.push(`${fig.captions[i]}:`, '', `![${fig.captions[i]}](${file})`, ''));
    console.log(`${fig.name}: ${written.join(', ')}`);
  }
  fs.writeFileSync(path.join(OUT, 'README.md'), lines.join('\n'));
}

main();
