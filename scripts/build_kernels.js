#!/usr/bin/env node
// Assembles src/kernels/kernels.wat into build/kernels.wasm with wabt (the WebAssembly Binary
// Toolkit's own parser, from npm). `npm install` runs it (the `prepare` script); the library
// falls back to its JavaScript kernels, with a warning, when the file is missing.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const source = path.join(root, 'src', 'kernels', 'kernels.wat');
const target = path.join(root, 'build', 'kernels.wasm');

require('wabt')().then((wabt) => {
  const module = wabt.parseWat(source, fs.readFileSync(source, 'utf8'), {simd: true, multi_value: true});
  module.validate();
  const {buffer} = module.toBinary({log: false, write_debug_names: true});
  module.destroy();
  fs.mkdirSync(path.dirname(target), {recursive: true});
  fs.writeFileSync(target, buffer);
  console.log(`${path.relative(root, target)}: ${buffer.length} bytes`);
}).catch((e) => {
  console.error(`build_kernels: ${e.message ?? e}`);
  process.exit(1);
});
