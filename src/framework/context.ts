/**
 * Python's `with` blocks as TypeScript `using` declarations.
 *
 * `with tf.name_scope('a') as scope:` becomes `{ using scope = tf.name_scope('a'); … }`: the
 * object is disposed (the scope exited) at the end of the block. Every context object can also
 * be disposed by hand, once; later disposals do nothing.
 */

export interface ScopeContext<T> extends Disposable {
  /** What Python's `as` would bind. */
  readonly value: T;
}

class Context<T> implements ScopeContext<T> {
  private exited = false;
  constructor(
    readonly value: T,
    private readonly exit: () => void,
  ) {}
  [Symbol.dispose](): void {
    if (this.exited) return;
    this.exited = true;
    this.exit();
  }
}

export function disposableContext<T>(value: T, exit: () => void): ScopeContext<T> {
  return new Context(value, exit);
}

/**
 * What `with tf.name_scope('a') as scope` binds: the scope string 'a/'. It converts to that
 * string wherever a string is expected (`${scope}`, `scope + 'x'`).
 */
export class NameScope implements Disposable {
  constructor(private readonly ctx: ScopeContext<string>) {}
  get name(): string {
    return this.ctx.value;
  }
  toString(): string {
    return this.ctx.value;
  }
  valueOf(): string {
    return this.ctx.value;
  }
  [Symbol.toPrimitive](): string {
    return this.ctx.value;
  }
  [Symbol.dispose](): void {
    this.ctx[Symbol.dispose]();
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `'${this.ctx.value}'`;
  }
}

/** Runs `fn` inside a context, the callback form of a `with` block. */
export function within<C extends Disposable, T>(ctx: C, fn: (ctx: C) => T): T {
  try {
    return fn(ctx);
  } finally {
    ctx[Symbol.dispose]();
  }
}
