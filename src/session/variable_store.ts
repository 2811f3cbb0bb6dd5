/**
 * Variable values live in the Session, not in the Graph: each Session has its own store, so two
 * sessions on one graph are independent (as TF1's). A VariableV2 op's output is its cell; ops
 * that read it get the value current when they run, ops that write it (Assign …) replace it.
 */
import * as tfc from '@tensorflow/tfjs-core';
import type {Operation} from '../framework/operation';
import type {VarCell} from '../framework/registry';
import {aliasOf} from '../framework/host_compute';

export class Cell implements VarCell {
  value: tfc.Tensor | null = null;
  constructor(readonly op: Operation) {}

  /** Stores `t` (the cell takes its own reference) and releases the previous value. */
  set(t: tfc.Tensor): void {
    this.adopt(aliasOf(t));
  }

  adopt(t: tfc.Tensor): void {
    const kept = tfc.keep(t);
    this.value?.dispose();
    this.value = kept;
  }
}

export function isCell(x: unknown): x is Cell {
  return x instanceof Cell;
}

export class VariableStore {
  private readonly cells = new Map<Operation, Cell>();

  cell(op: Operation): Cell {
    let c = this.cells.get(op);
    if (!c) {
      c = new Cell(op);
      this.cells.set(op, c);
    }
    return c;
  }

  /** Whether the variable has a value in this session (TF's `is_variable_initialized`). */
  isInitialized(op: Operation): boolean {
    return this.cells.get(op)?.value != null;
  }

  dispose(): void {
    for (const c of this.cells.values()) c.value?.dispose();
    this.cells.clear();
  }
}
