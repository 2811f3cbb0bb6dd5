/**
 * The default-session stack (TF1 keeps it in framework/ops.py, beside the graph stack).
 * `Tensor.eval`, `Operation.run` and `tf.get_default_session` read it; a Session pushes itself
 * when constructed and removes itself when closed.
 */
import {ValueError} from './errors';
import type {Graph} from './graph';

/** A feed dict in any of the forms `Session.run` accepts. */
export type FeedLike = unknown;

export interface SessionLike {
  readonly graph: Graph;
  run(fetches: unknown, feed?: FeedLike): unknown;
}

const stack: SessionLike[] = [];

export function pushDefaultSession(s: SessionLike): void {
  stack.push(s);
}

export function removeDefaultSession(s: SessionLike): void {
  const i = stack.lastIndexOf(s);
  if (i >= 0) stack.splice(i, 1);
}

/** The innermost open session, or null. */
export function get_default_session(): SessionLike | null {
  return stack.length ? stack[stack.length - 1] : null;
}

export function getDefaultSession(what: string): SessionLike {
  const s = get_default_session();
  if (!s) {
    throw new ValueError(
      `Cannot evaluate tensor using \`${what}\`: No default session is registered. Use ` +
        '`using sess = new tf.Session()` or pass an explicit session to `' + what.replace('()', '(feed, sess)') + '`',
    );
  }
  return s;
}
