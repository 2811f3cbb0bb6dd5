;; tf1ts's own WebAssembly kernels, run in place on tfjs-backend-wasm's heap (the module imports
;; tfjs's memory, so a tensor's data is addressed by its byte offset there). They cover what
;; tfjs-wasm does slowly and a training step does every time: the optimizers' element-wise
;; updates (one pass instead of a JavaScript loop rounding through Math.fround), matrix products
;; with a narrow right-hand side, the transposes around XNNPACK's matmuls, ReLU's gradient,
;; sums over leading axes, and float32 Add/Sub/Mul without tfjs's per-kernel dispatch.
;;
;; Arithmetic is float32, one IEEE operation at a time (no fused multiply-add), in the order of
;; what each kernel replaces: TF's kernel order for the updates (the JavaScript reference in
;; src/train/training_ops.ts), XNNPACK's and tfjs's accumulation order for the products and sums.
;; The tests (test/kernels) compare each with what it replaces, bit for bit.
;;
;; Built to build/kernels.wasm by scripts/build_kernels.js (run by `npm install`).
;; Pointers are byte offsets of float32 (or any 4-byte) arrays; n counts elements.
(module
  (import "env" "memory" (memory 1))

  ;; var' = var - delta·alpha
  (func (export "apply_gradient_descent")
    (param $var i32) (param $delta i32) (param $out i32) (param $n i32) (param $alpha f32)
    (local $i i32) (local $end4 i32) (local $end i32) (local $va v128)
    (local.set $va (f32x4.splat (local.get $alpha)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $end4 (i32.and (local.get $end) (i32.const -16)))
    (block $done4 (loop $simd
      (br_if $done4 (i32.ge_u (local.get $i) (local.get $end4)))
      (v128.store (i32.add (local.get $out) (local.get $i))
        (f32x4.sub (v128.load (i32.add (local.get $var) (local.get $i)))
                   (f32x4.mul (v128.load (i32.add (local.get $delta) (local.get $i))) (local.get $va))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $simd)))
    (block $done (loop $tail
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (f32.store (i32.add (local.get $out) (local.get $i))
        (f32.sub (f32.load (i32.add (local.get $var) (local.get $i)))
                 (f32.mul (f32.load (i32.add (local.get $delta) (local.get $i))) (local.get $alpha))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $tail))))

  ;; accum' = accum·momentum + grad
  ;; var'   = var - accum'·lr                                  (nesterov = 0)
  ;; var'   = var - (grad·lr + (accum'·momentum)·lr)           (nesterov = 1)
  (func (export "apply_momentum")
    (param $var i32) (param $accum i32) (param $grad i32) (param $out i32) (param $accOut i32)
    (param $n i32) (param $lr f32) (param $momentum f32) (param $nesterov i32)
    (local $i i32) (local $end4 i32) (local $end i32) (local $lrv v128) (local $momv v128)
    (local $g v128) (local $a v128) (local $gs f32) (local $as f32)
    (local.set $lrv (f32x4.splat (local.get $lr)))
    (local.set $momv (f32x4.splat (local.get $momentum)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $end4 (i32.and (local.get $end) (i32.const -16)))
    (block $done4 (loop $simd
      (br_if $done4 (i32.ge_u (local.get $i) (local.get $end4)))
      (local.set $g (v128.load (i32.add (local.get $grad) (local.get $i))))
      (local.set $a (f32x4.add (f32x4.mul (v128.load (i32.add (local.get $accum) (local.get $i))) (local.get $momv))
                               (local.get $g)))
      (v128.store (i32.add (local.get $accOut) (local.get $i)) (local.get $a))
      (v128.store (i32.add (local.get $out) (local.get $i))
        (f32x4.sub (v128.load (i32.add (local.get $var) (local.get $i)))
          (if (result v128) (local.get $nesterov)
            (then (f32x4.add (f32x4.mul (local.get $g) (local.get $lrv))
                             (f32x4.mul (f32x4.mul (local.get $a) (local.get $momv)) (local.get $lrv))))
            (else (f32x4.mul (local.get $a) (local.get $lrv))))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $simd)))
    (block $done (loop $tail
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (local.set $gs (f32.load (i32.add (local.get $grad) (local.get $i))))
      (local.set $as (f32.add (f32.mul (f32.load (i32.add (local.get $accum) (local.get $i))) (local.get $momentum))
                              (local.get $gs)))
      (f32.store (i32.add (local.get $accOut) (local.get $i)) (local.get $as))
      (f32.store (i32.add (local.get $out) (local.get $i))
        (f32.sub (f32.load (i32.add (local.get $var) (local.get $i)))
          (if (result f32) (local.get $nesterov)
            (then (f32.add (f32.mul (local.get $gs) (local.get $lr))
                           (f32.mul (f32.mul (local.get $as) (local.get $momentum)) (local.get $lr))))
            (else (f32.mul (local.get $as) (local.get $lr))))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $tail))))

  ;; TF1's Adam, with lr_t = lr·sqrt(1-β2^t)/(1-β1^t) computed by the caller, c1 = 1-β1, c2 = 1-β2:
  ;; m' = m + (g - m)·c1;  v' = v + (g·g - v)·c2
  ;; var' = var - (m'·lr_t) / (sqrt(v') + ε)                          (nesterov = 0)
  ;; var' = var - ((m'·β1 + c1·g)·lr_t) / (sqrt(v') + ε)              (nesterov = 1)
  (func (export "apply_adam")
    (param $var i32) (param $m i32) (param $v i32) (param $grad i32)
    (param $out i32) (param $mOut i32) (param $vOut i32) (param $n i32)
    (param $lrT f32) (param $c1 f32) (param $c2 f32) (param $eps f32) (param $beta1 f32) (param $nesterov i32)
    (local $i i32) (local $end4 i32) (local $end i32)
    (local $lrTv v128) (local $c1v v128) (local $c2v v128) (local $epsv v128) (local $b1v v128)
    (local $g v128) (local $mv v128) (local $vv v128) (local $mi v128) (local $vi v128)
    (local $gs f32) (local $ms f32) (local $vs f32) (local $mis f32) (local $vis f32)
    (local.set $lrTv (f32x4.splat (local.get $lrT)))
    (local.set $c1v (f32x4.splat (local.get $c1)))
    (local.set $c2v (f32x4.splat (local.get $c2)))
    (local.set $epsv (f32x4.splat (local.get $eps)))
    (local.set $b1v (f32x4.splat (local.get $beta1)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $end4 (i32.and (local.get $end) (i32.const -16)))
    (block $done4 (loop $simd
      (br_if $done4 (i32.ge_u (local.get $i) (local.get $end4)))
      (local.set $g (v128.load (i32.add (local.get $grad) (local.get $i))))
      (local.set $mv (v128.load (i32.add (local.get $m) (local.get $i))))
      (local.set $vv (v128.load (i32.add (local.get $v) (local.get $i))))
      (local.set $mi (f32x4.add (local.get $mv) (f32x4.mul (f32x4.sub (local.get $g) (local.get $mv)) (local.get $c1v))))
      (local.set $vi (f32x4.add (local.get $vv)
        (f32x4.mul (f32x4.sub (f32x4.mul (local.get $g) (local.get $g)) (local.get $vv)) (local.get $c2v))))
      (v128.store (i32.add (local.get $mOut) (local.get $i)) (local.get $mi))
      (v128.store (i32.add (local.get $vOut) (local.get $i)) (local.get $vi))
      (v128.store (i32.add (local.get $out) (local.get $i))
        (f32x4.sub (v128.load (i32.add (local.get $var) (local.get $i)))
          (f32x4.div
            (if (result v128) (local.get $nesterov)
              (then (f32x4.mul (f32x4.add (f32x4.mul (local.get $mi) (local.get $b1v)) (f32x4.mul (local.get $c1v) (local.get $g)))
                               (local.get $lrTv)))
              (else (f32x4.mul (local.get $mi) (local.get $lrTv))))
            (f32x4.add (f32x4.sqrt (local.get $vi)) (local.get $epsv)))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $simd)))
    (block $done (loop $tail
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (local.set $gs (f32.load (i32.add (local.get $grad) (local.get $i))))
      (local.set $ms (f32.load (i32.add (local.get $m) (local.get $i))))
      (local.set $vs (f32.load (i32.add (local.get $v) (local.get $i))))
      (local.set $mis (f32.add (local.get $ms) (f32.mul (f32.sub (local.get $gs) (local.get $ms)) (local.get $c1))))
      (local.set $vis (f32.add (local.get $vs)
        (f32.mul (f32.sub (f32.mul (local.get $gs) (local.get $gs)) (local.get $vs)) (local.get $c2))))
      (f32.store (i32.add (local.get $mOut) (local.get $i)) (local.get $mis))
      (f32.store (i32.add (local.get $vOut) (local.get $i)) (local.get $vis))
      (f32.store (i32.add (local.get $out) (local.get $i))
        (f32.sub (f32.load (i32.add (local.get $var) (local.get $i)))
          (f32.div
            (if (result f32) (local.get $nesterov)
              (then (f32.mul (f32.add (f32.mul (local.get $mis) (local.get $beta1)) (f32.mul (local.get $c1) (local.get $gs)))
                             (local.get $lrT)))
              (else (f32.mul (local.get $mis) (local.get $lrT))))
            (f32.add (f32.sqrt (local.get $vis)) (local.get $eps)))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $tail))))

;; out[i] = x[i] op y[i mod ny] for float32 x of n elements and y of ny (ny = n: the same
  ;; shape; ny = 1: a scalar; otherwise y is x's trailing dimensions, as a bias): Add, Sub and
  ;; Mul without tfjs's per-kernel dispatch, which costs more than the arithmetic on small
  ;; tensors. One IEEE operation per element, as tfjs-wasm's kernels.
  (func (export "add_f32") (param $x i32) (param $y i32) (param $out i32) (param $n i32) (param $ny i32)
    (local $base i32) (local $end i32) (local $i i32) (local $rowEnd i32) (local $row4 i32) (local $ys v128) (local $yv f32)
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (if (i32.eq (local.get $ny) (i32.const 1))
      (then
        (local.set $yv (f32.load (local.get $y)))
        (local.set $ys (f32x4.splat (local.get $yv)))
        (local.set $row4 (i32.and (local.get $end) (i32.const -16)))
        (block $d4 (loop $l4
          (br_if $d4 (i32.ge_u (local.get $i) (local.get $row4)))
          (v128.store (i32.add (local.get $out) (local.get $i))
            (f32x4.add (v128.load (i32.add (local.get $x) (local.get $i))) (local.get $ys)))
          (local.set $i (i32.add (local.get $i) (i32.const 16)))
          (br $l4)))
        (block $d1 (loop $l1
          (br_if $d1 (i32.ge_u (local.get $i) (local.get $end)))
          (f32.store (i32.add (local.get $out) (local.get $i))
            (f32.add (f32.load (i32.add (local.get $x) (local.get $i))) (local.get $yv)))
          (local.set $i (i32.add (local.get $i) (i32.const 4)))
          (br $l1)))
        (return)))
    ;; Row after row of ny elements; i is the offset in the row (y's), base the row's (x's).
    (local.set $rowEnd (i32.shl (local.get $ny) (i32.const 2)))
    (local.set $row4 (i32.and (local.get $rowEnd) (i32.const -16)))
    (block $rows (loop $row
      (br_if $rows (i32.ge_u (local.get $base) (local.get $end)))
      (local.set $i (i32.const 0))
      (block $d4 (loop $l4
        (br_if $d4 (i32.ge_u (local.get $i) (local.get $row4)))
        (v128.store (i32.add (local.get $out) (i32.add (local.get $base) (local.get $i)))
          (f32x4.add (v128.load (i32.add (local.get $x) (i32.add (local.get $base) (local.get $i))))
                 (v128.load (i32.add (local.get $y) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $l4)))
      (block $d1 (loop $l1
        (br_if $d1 (i32.ge_u (local.get $i) (local.get $rowEnd)))
        (f32.store (i32.add (local.get $out) (i32.add (local.get $base) (local.get $i)))
          (f32.add (f32.load (i32.add (local.get $x) (i32.add (local.get $base) (local.get $i))))
                   (f32.load (i32.add (local.get $y) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $l1)))
      (local.set $base (i32.add (local.get $base) (local.get $rowEnd)))
      (br $row))))

  (func (export "sub_f32") (param $x i32) (param $y i32) (param $out i32) (param $n i32) (param $ny i32)
    (local $base i32) (local $end i32) (local $i i32) (local $rowEnd i32) (local $row4 i32) (local $ys v128) (local $yv f32)
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (if (i32.eq (local.get $ny) (i32.const 1))
      (then
        (local.set $yv (f32.load (local.get $y)))
        (local.set $ys (f32x4.splat (local.get $yv)))
        (local.set $row4 (i32.and (local.get $end) (i32.const -16)))
        (block $d4 (loop $l4
          (br_if $d4 (i32.ge_u (local.get $i) (local.get $row4)))
          (v128.store (i32.add (local.get $out) (local.get $i))
            (f32x4.sub (v128.load (i32.add (local.get $x) (local.get $i))) (local.get $ys)))
          (local.set $i (i32.add (local.get $i) (i32.const 16)))
          (br $l4)))
        (block $d1 (loop $l1
          (br_if $d1 (i32.ge_u (local.get $i) (local.get $end)))
          (f32.store (i32.add (local.get $out) (local.get $i))
            (f32.sub (f32.load (i32.add (local.get $x) (local.get $i))) (local.get $yv)))
          (local.set $i (i32.add (local.get $i) (i32.const 4)))
          (br $l1)))
        (return)))
    ;; Row after row of ny elements; i is the offset in the row (y's), base the row's (x's).
    (local.set $rowEnd (i32.shl (local.get $ny) (i32.const 2)))
    (local.set $row4 (i32.and (local.get $rowEnd) (i32.const -16)))
    (block $rows (loop $row
      (br_if $rows (i32.ge_u (local.get $base) (local.get $end)))
      (local.set $i (i32.const 0))
      (block $d4 (loop $l4
        (br_if $d4 (i32.ge_u (local.get $i) (local.get $row4)))
        (v128.store (i32.add (local.get $out) (i32.add (local.get $base) (local.get $i)))
          (f32x4.sub (v128.load (i32.add (local.get $x) (i32.add (local.get $base) (local.get $i))))
                 (v128.load (i32.add (local.get $y) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $l4)))
      (block $d1 (loop $l1
        (br_if $d1 (i32.ge_u (local.get $i) (local.get $rowEnd)))
        (f32.store (i32.add (local.get $out) (i32.add (local.get $base) (local.get $i)))
          (f32.sub (f32.load (i32.add (local.get $x) (i32.add (local.get $base) (local.get $i))))
                   (f32.load (i32.add (local.get $y) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $l1)))
      (local.set $base (i32.add (local.get $base) (local.get $rowEnd)))
      (br $row))))

  (func (export "mul_f32") (param $x i32) (param $y i32) (param $out i32) (param $n i32) (param $ny i32)
    (local $base i32) (local $end i32) (local $i i32) (local $rowEnd i32) (local $row4 i32) (local $ys v128) (local $yv f32)
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (if (i32.eq (local.get $ny) (i32.const 1))
      (then
        (local.set $yv (f32.load (local.get $y)))
        (local.set $ys (f32x4.splat (local.get $yv)))
        (local.set $row4 (i32.and (local.get $end) (i32.const -16)))
        (block $d4 (loop $l4
          (br_if $d4 (i32.ge_u (local.get $i) (local.get $row4)))
          (v128.store (i32.add (local.get $out) (local.get $i))
            (f32x4.mul (v128.load (i32.add (local.get $x) (local.get $i))) (local.get $ys)))
          (local.set $i (i32.add (local.get $i) (i32.const 16)))
          (br $l4)))
        (block $d1 (loop $l1
          (br_if $d1 (i32.ge_u (local.get $i) (local.get $end)))
          (f32.store (i32.add (local.get $out) (local.get $i))
            (f32.mul (f32.load (i32.add (local.get $x) (local.get $i))) (local.get $yv)))
          (local.set $i (i32.add (local.get $i) (i32.const 4)))
          (br $l1)))
        (return)))
    ;; Row after row of ny elements; i is the offset in the row (y's), base the row's (x's).
    (local.set $rowEnd (i32.shl (local.get $ny) (i32.const 2)))
    (local.set $row4 (i32.and (local.get $rowEnd) (i32.const -16)))
    (block $rows (loop $row
      (br_if $rows (i32.ge_u (local.get $base) (local.get $end)))
      (local.set $i (i32.const 0))
      (block $d4 (loop $l4
        (br_if $d4 (i32.ge_u (local.get $i) (local.get $row4)))
        (v128.store (i32.add (local.get $out) (i32.add (local.get $base) (local.get $i)))
          (f32x4.mul (v128.load (i32.add (local.get $x) (i32.add (local.get $base) (local.get $i))))
                 (v128.load (i32.add (local.get $y) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $l4)))
      (block $d1 (loop $l1
        (br_if $d1 (i32.ge_u (local.get $i) (local.get $rowEnd)))
        (f32.store (i32.add (local.get $out) (i32.add (local.get $base) (local.get $i)))
          (f32.mul (f32.load (i32.add (local.get $x) (i32.add (local.get $base) (local.get $i))))
                   (f32.load (i32.add (local.get $y) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $l1)))
      (local.set $base (i32.add (local.get $base) (local.get $rowEnd)))
      (br $row))))

  ;; TF's ReluGrad: gradients · (features > 0), a product (so -0 and NaN gradients stay as TF has them).
  (func (export "relu_grad") (param $g i32) (param $x i32) (param $out i32) (param $n i32)
    (local $i i32) (local $end i32) (local $end4 i32) (local $one v128)
    (local.set $one (f32x4.splat (f32.const 1)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $end4 (i32.and (local.get $end) (i32.const -16)))
    (block $done4 (loop $simd
      (br_if $done4 (i32.ge_u (local.get $i) (local.get $end4)))
      (v128.store (i32.add (local.get $out) (local.get $i))
        (f32x4.mul (v128.load (i32.add (local.get $g) (local.get $i)))
                   (v128.and (local.get $one)
                             (f32x4.gt (v128.load (i32.add (local.get $x) (local.get $i))) (f32x4.splat (f32.const 0))))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $simd)))
    (block $done (loop $tail
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (f32.store (i32.add (local.get $out) (local.get $i))
        (f32.mul (f32.load (i32.add (local.get $g) (local.get $i)))
                 (select (f32.const 1) (f32.const 0)
                         (f32.gt (f32.load (i32.add (local.get $x) (local.get $i))) (f32.const 0)))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $tail))))

  ;; C[M,N] = op(A)·B, with op(A) = A[M,K] (transA = 0) or A[K,M] read transposed in place
  ;; (transA = 1), and B = [K,N], all row-major: tfjs-wasm's XNNPACK path needs both operands
  ;; untransposed and packs B, which in training is new at every step. Panels of 12 columns of
  ;; C, left to right; in each, blocks of 4 rows in twelve accumulators, k in order from 0, one
  ;; multiply then one add (no FMA), as XNNPACK's f32 GEMM accumulates, so the results are the
  ;; same bits. A panel reads 12 columns of B's rows; the last, narrower panel reads past the end
  ;; of each row (the caller keeps 48 readable bytes after B) into lanes that are not stored,
  ;; except that with a single panel (N ≤ 12) a row's spill is stored where a later row writes
  ;; its own values over it.
  (func (export "matmul")
    (param $a i32) (param $b i32) (param $c i32) (param $M i32) (param $K i32) (param $N i32) (param $transA i32)
    (local $j i32) (local $w i32) (local $m i32) (local $m4 i32) (local $k i32)
    (local $pa i32) (local $pb i32) (local $pc i32) (local $bPanel i32) (local $cPanel i32)
    (local $aStrideK i32) (local $aStrideM i32) (local $rowBytes i32) (local $spill i32)
    (local $s v128) (local $b0 v128) (local $b1 v128) (local $b2 v128)
    (local $c00 v128) (local $c01 v128) (local $c02 v128)
    (local $c10 v128) (local $c11 v128) (local $c12 v128)
    (local $c20 v128) (local $c21 v128) (local $c22 v128)
    (local $c30 v128) (local $c31 v128) (local $c32 v128)
    ;; Byte steps of op(A) along k and along m.
    (if (local.get $transA)
      (then (local.set $aStrideK (i32.shl (local.get $M) (i32.const 2))) (local.set $aStrideM (i32.const 4)))
      (else (local.set $aStrideK (i32.const 4)) (local.set $aStrideM (i32.shl (local.get $K) (i32.const 2)))))
    (local.set $rowBytes (i32.shl (local.get $N) (i32.const 2)))
    (local.set $m4 (i32.and (local.get $M) (i32.const -4)))
    ;; Rows of C that a row's spill reaches (11 floats at most), when there is a single panel.
    (local.set $spill (i32.div_u (i32.const 11) (local.get $N)))
    (block $panelsDone (loop $panel
      (br_if $panelsDone (i32.ge_u (local.get $j) (local.get $N)))
      (local.set $w (i32.sub (local.get $N) (local.get $j)))
      (if (i32.gt_u (local.get $w) (i32.const 12)) (then (local.set $w (i32.const 12))))
      (local.set $bPanel (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))
      (local.set $cPanel (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 2))))
      (local.set $m (i32.const 0))
      (block $blocksDone (loop $block
        (br_if $blocksDone (i32.ge_u (local.get $m) (local.get $m4)))
        (local.set $c00 (v128.const f32x4 0 0 0 0))
        (local.set $c01 (v128.const f32x4 0 0 0 0))
        (local.set $c02 (v128.const f32x4 0 0 0 0))
        (local.set $c10 (v128.const f32x4 0 0 0 0))
        (local.set $c11 (v128.const f32x4 0 0 0 0))
        (local.set $c12 (v128.const f32x4 0 0 0 0))
        (local.set $c20 (v128.const f32x4 0 0 0 0))
        (local.set $c21 (v128.const f32x4 0 0 0 0))
        (local.set $c22 (v128.const f32x4 0 0 0 0))
        (local.set $c30 (v128.const f32x4 0 0 0 0))
        (local.set $c31 (v128.const f32x4 0 0 0 0))
        (local.set $c32 (v128.const f32x4 0 0 0 0))
        (local.set $pa (i32.add (local.get $a) (i32.mul (local.get $m) (local.get $aStrideM))))
        (local.set $pb (local.get $bPanel))
        (local.set $k (i32.const 0))
        (block $kDone (loop $kLoop
          (br_if $kDone (i32.ge_u (local.get $k) (local.get $K)))
          (local.set $b0 (v128.load (local.get $pb)))
          (local.set $b1 (v128.load offset=16 (local.get $pb)))
          (local.set $b2 (v128.load offset=32 (local.get $pb)))
          ;; op(A)[m+r, k], broadcast to four lanes.
          (local.set $s (v128.load32_splat (local.get $pa)))
          (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $s) (local.get $b0))))
          (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $s) (local.get $b1))))
          (local.set $c02 (f32x4.add (local.get $c02) (f32x4.mul (local.get $s) (local.get $b2))))
          (local.set $s (v128.load32_splat (i32.add (local.get $pa) (local.get $aStrideM))))
          (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $s) (local.get $b0))))
          (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $s) (local.get $b1))))
          (local.set $c12 (f32x4.add (local.get $c12) (f32x4.mul (local.get $s) (local.get $b2))))
          (local.set $s (v128.load32_splat (i32.add (local.get $pa) (i32.mul (local.get $aStrideM) (i32.const 2)))))
          (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $s) (local.get $b0))))
          (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $s) (local.get $b1))))
          (local.set $c22 (f32x4.add (local.get $c22) (f32x4.mul (local.get $s) (local.get $b2))))
          (local.set $s (v128.load32_splat (i32.add (local.get $pa) (i32.mul (local.get $aStrideM) (i32.const 3)))))
          (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $s) (local.get $b0))))
          (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $s) (local.get $b1))))
          (local.set $c32 (f32x4.add (local.get $c32) (f32x4.mul (local.get $s) (local.get $b2))))
          (local.set $pa (i32.add (local.get $pa) (local.get $aStrideK)))
          (local.set $pb (i32.add (local.get $pb) (local.get $rowBytes)))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br $kLoop)))
        (local.set $pc (i32.add (local.get $cPanel) (i32.mul (local.get $m) (local.get $rowBytes))))
        ;; Whole vectors for a whole panel, or with a single panel when enough rows follow.
        (if (i32.or (i32.eq (local.get $w) (i32.const 12))
                    (i32.and (i32.le_u (local.get $N) (i32.const 12))
                             (i32.ge_u (i32.sub (local.get $M) (i32.add (local.get $m) (i32.const 4))) (local.get $spill))))
          (then
            (v128.store (local.get $pc) (local.get $c00))
            (v128.store offset=16 (local.get $pc) (local.get $c01))
            (v128.store offset=32 (local.get $pc) (local.get $c02))
            (local.set $pc (i32.add (local.get $pc) (local.get $rowBytes)))
            (v128.store (local.get $pc) (local.get $c10))
            (v128.store offset=16 (local.get $pc) (local.get $c11))
            (v128.store offset=32 (local.get $pc) (local.get $c12))
            (local.set $pc (i32.add (local.get $pc) (local.get $rowBytes)))
            (v128.store (local.get $pc) (local.get $c20))
            (v128.store offset=16 (local.get $pc) (local.get $c21))
            (v128.store offset=32 (local.get $pc) (local.get $c22))
            (local.set $pc (i32.add (local.get $pc) (local.get $rowBytes)))
            (v128.store (local.get $pc) (local.get $c30))
            (v128.store offset=16 (local.get $pc) (local.get $c31))
            (v128.store offset=32 (local.get $pc) (local.get $c32))
          )
          (else
            (call $storeRow (local.get $pc) (local.get $c00) (local.get $c01) (local.get $c02) (local.get $w))
            (local.set $pc (i32.add (local.get $pc) (local.get $rowBytes)))
            (call $storeRow (local.get $pc) (local.get $c10) (local.get $c11) (local.get $c12) (local.get $w))
            (local.set $pc (i32.add (local.get $pc) (local.get $rowBytes)))
            (call $storeRow (local.get $pc) (local.get $c20) (local.get $c21) (local.get $c22) (local.get $w))
            (local.set $pc (i32.add (local.get $pc) (local.get $rowBytes)))
            (call $storeRow (local.get $pc) (local.get $c30) (local.get $c31) (local.get $c32) (local.get $w))
          ))
        (local.set $m (i32.add (local.get $m) (i32.const 4)))
        (br $block)))
      ;; The last M mod 4 rows, one at a time.
      (block $rowsDone (loop $row
        (br_if $rowsDone (i32.ge_u (local.get $m) (local.get $M)))
        (local.set $c00 (v128.const f32x4 0 0 0 0))
        (local.set $c01 (v128.const f32x4 0 0 0 0))
        (local.set $c02 (v128.const f32x4 0 0 0 0))
        (local.set $pa (i32.add (local.get $a) (i32.mul (local.get $m) (local.get $aStrideM))))
        (local.set $pb (local.get $bPanel))
        (local.set $k (i32.const 0))
        (block $kDone (loop $kLoop
          (br_if $kDone (i32.ge_u (local.get $k) (local.get $K)))
          (local.set $s (f32x4.splat (f32.load (local.get $pa))))
          (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $s) (v128.load (local.get $pb)))))
          (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $s) (v128.load offset=16 (local.get $pb)))))
          (local.set $c02 (f32x4.add (local.get $c02) (f32x4.mul (local.get $s) (v128.load offset=32 (local.get $pb)))))
          (local.set $pa (i32.add (local.get $pa) (local.get $aStrideK)))
          (local.set $pb (i32.add (local.get $pb) (local.get $rowBytes)))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br $kLoop)))
        (call $storeRow (i32.add (local.get $cPanel) (i32.mul (local.get $m) (local.get $rowBytes)))
          (local.get $c00) (local.get $c01) (local.get $c02) (local.get $w))
        (local.set $m (i32.add (local.get $m) (i32.const 1)))
        (br $row)))
      (local.set $j (i32.add (local.get $j) (i32.const 12)))
      (br $panel))))

  ;; Stores the first n (≤ 12) lanes of x, y, z at p.
  (func $storeRow (param $p i32) (param $x v128) (param $y v128) (param $z v128) (param $n i32)
    (call $storeLanes (local.get $p) (local.get $x) (local.get $n))
    (call $storeLanes (i32.add (local.get $p) (i32.const 16)) (local.get $y) (i32.sub (local.get $n) (i32.const 4)))
    (call $storeLanes (i32.add (local.get $p) (i32.const 32)) (local.get $z) (i32.sub (local.get $n) (i32.const 8))))

  ;; Stores the first n lanes of v at p (none if n ≤ 0, all four if n ≥ 4).
  (func $storeLanes (param $p i32) (param $v v128) (param $n i32)
    (if (i32.ge_s (local.get $n) (i32.const 4)) (then (v128.store (local.get $p) (local.get $v)) (return)))
    (if (i32.ge_s (local.get $n) (i32.const 1)) (then (f32.store (local.get $p) (f32x4.extract_lane 0 (local.get $v)))))
    (if (i32.ge_s (local.get $n) (i32.const 2)) (then (f32.store offset=4 (local.get $p) (f32x4.extract_lane 1 (local.get $v)))))
    (if (i32.ge_s (local.get $n) (i32.const 3)) (then (f32.store offset=8 (local.get $p) (f32x4.extract_lane 2 (local.get $v))))))

  ;; dst[c] = Σ_r src[r, c] for a rows×cols float32 matrix: the sum over the leading axes (a bias
  ;; gradient), accumulated row after row from 0 as tfjs's and TF's reductions do, four columns
  ;; at a time (tfjs-wasm's Sum would first transpose the matrix).
  (func (export "sum_rows") (param $src i32) (param $dst i32) (param $rows i32) (param $cols i32)
    (local $c i32) (local $cols4 i32) (local $p i32) (local $end i32) (local $stride i32)
    (local $acc v128) (local $s f32)
    (local.set $cols4 (i32.and (local.get $cols) (i32.const -4)))
    (local.set $stride (i32.shl (local.get $cols) (i32.const 2)))
    (block $blocksDone (loop $block
      (br_if $blocksDone (i32.ge_u (local.get $c) (local.get $cols4)))
      (local.set $p (i32.add (local.get $src) (i32.shl (local.get $c) (i32.const 2))))
      (local.set $end (i32.add (local.get $p) (i32.mul (local.get $rows) (local.get $stride))))
      (local.set $acc (v128.const f32x4 0 0 0 0))
      (block $rowsDone (loop $row
        (br_if $rowsDone (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $acc (f32x4.add (local.get $acc) (v128.load (local.get $p))))
        (local.set $p (i32.add (local.get $p) (local.get $stride)))
        (br $row)))
      (v128.store (i32.add (local.get $dst) (i32.shl (local.get $c) (i32.const 2))) (local.get $acc))
      (local.set $c (i32.add (local.get $c) (i32.const 4)))
      (br $block)))
    (block $colsDone (loop $col
      (br_if $colsDone (i32.ge_u (local.get $c) (local.get $cols)))
      (local.set $p (i32.add (local.get $src) (i32.shl (local.get $c) (i32.const 2))))
      (local.set $end (i32.add (local.get $p) (i32.mul (local.get $rows) (local.get $stride))))
      (local.set $s (f32.const 0))
      (block $rowsDone (loop $row
        (br_if $rowsDone (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $s (f32.add (local.get $s) (f32.load (local.get $p))))
        (local.set $p (i32.add (local.get $p) (local.get $stride)))
        (br $row)))
      (f32.store (i32.add (local.get $dst) (i32.shl (local.get $c) (i32.const 2))) (local.get $s))
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (br $col))))

    ;; dst[c, r] = src[r, c] for a rows×cols matrix of 4-byte elements: 4×4 blocks transposed in
  ;; registers, then the last rows and columns that do not fill a block.
  (func (export "transpose_4byte") (param $src i32) (param $dst i32) (param $rows i32) (param $cols i32)
    (local $r i32) (local $c i32) (local $rows4 i32) (local $cols4 i32)
    (local $srcRow i32) (local $dstRow i32) (local $srcStride i32) (local $dstStride i32)
    (local $a v128) (local $b v128) (local $x v128) (local $y v128) (local $t0 v128) (local $t1 v128)
    (local.set $rows4 (i32.and (local.get $rows) (i32.const -4)))
    (local.set $cols4 (i32.and (local.get $cols) (i32.const -4)))
    (local.set $srcStride (i32.shl (local.get $cols) (i32.const 2)))
    (local.set $dstStride (i32.shl (local.get $rows) (i32.const 2)))
    (block $rowsDone (loop $rowBlock
      (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows4)))
      (local.set $c (i32.const 0))
      (block $colsDone (loop $colBlock
        (br_if $colsDone (i32.ge_u (local.get $c) (local.get $cols4)))
        ;; rows r..r+3, columns c..c+3 of src
        (local.set $srcRow (i32.add (local.get $src)
          (i32.add (i32.mul (local.get $r) (local.get $srcStride)) (i32.shl (local.get $c) (i32.const 2)))))
        (local.set $a (v128.load (local.get $srcRow)))
        (local.set $b (v128.load (i32.add (local.get $srcRow) (local.get $srcStride))))
        (local.set $x (v128.load (i32.add (local.get $srcRow) (i32.shl (local.get $srcStride) (i32.const 1)))))
        (local.set $y (v128.load (i32.add (local.get $srcRow) (i32.mul (local.get $srcStride) (i32.const 3)))))
        ;; t0 = a0 b0 a1 b1, t1 = a2 b2 a3 b3 (and the same for x, y into a, b)
        (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $a) (local.get $b)))
        (local.set $t1 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $a) (local.get $b)))
        (local.set $a (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $x) (local.get $y)))
        (local.set $b (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $x) (local.get $y)))
        (local.set $dstRow (i32.add (local.get $dst)
          (i32.add (i32.mul (local.get $c) (local.get $dstStride)) (i32.shl (local.get $r) (i32.const 2)))))
        (v128.store (local.get $dstRow)
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $a)))
        (v128.store (i32.add (local.get $dstRow) (local.get $dstStride))
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $a)))
        (v128.store (i32.add (local.get $dstRow) (i32.shl (local.get $dstStride) (i32.const 1)))
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t1) (local.get $b)))
        (v128.store (i32.add (local.get $dstRow) (i32.mul (local.get $dstStride) (i32.const 3)))
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t1) (local.get $b)))
        (local.set $c (i32.add (local.get $c) (i32.const 4)))
        (br $colBlock)))
      (local.set $r (i32.add (local.get $r) (i32.const 4)))
      (br $rowBlock)))
    ;; The columns past the last full block, for the rows the blocks covered.
    (call $transposeScalar (local.get $src) (local.get $dst) (local.get $rows) (local.get $cols)
      (i32.const 0) (local.get $rows4) (local.get $cols4) (local.get $cols))
    ;; The rows past the last full block, all columns.
    (call $transposeScalar (local.get $src) (local.get $dst) (local.get $rows) (local.get $cols)
      (local.get $rows4) (local.get $rows) (i32.const 0) (local.get $cols)))

  ;; dst[c, r] = src[r, c] for r in [r0, r1), c in [c0, c1), one element at a time.
  (func $transposeScalar (param $src i32) (param $dst i32) (param $rows i32) (param $cols i32)
    (param $r0 i32) (param $r1 i32) (param $c0 i32) (param $c1 i32)
    (local $r i32) (local $c i32)
    (local.set $r (local.get $r0))
    (block $rowsDone (loop $row
      (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $r1)))
      (local.set $c (local.get $c0))
      (block $colsDone (loop $col
        (br_if $colsDone (i32.ge_u (local.get $c) (local.get $c1)))
        (i32.store
          (i32.add (local.get $dst) (i32.shl (i32.add (i32.mul (local.get $c) (local.get $rows)) (local.get $r)) (i32.const 2)))
          (i32.load
            (i32.add (local.get $src) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $cols)) (local.get $c)) (i32.const 2)))))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $col)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $row)))
  )
)
