/**
 * `tf.errors`: TF1's exception classes, with TF1's wording.
 *
 * Runtime failures are `OpError` subclasses carrying the failing op (as TF1's do); Python's
 * built-in exceptions TF raises while building graphs are `ValueError`, `RuntimeError` and
 * `KeyError` here, and `TypeError` is JavaScript's own. Every message that concerns an op ends
 * with TF1's node line, which also says where in the user's code the op was created:
 *
 *     You must feed a value for placeholder tensor 'x' with dtype float and shape [?,784]
 *     	 [[node x (Placeholder, defined at examples/05-02.ts:14) ]]
 */

/** The part of an Operation an error needs (kept structural to avoid an import cycle). */
export interface ErrorOp {
  readonly name: string;
  readonly type: string;
  readonly traceback: {readonly site: string};
}

export class ValueError extends Error {
  override name = 'ValueError';
}
export class RuntimeError extends Error {
  override name = 'RuntimeError';
}
/** Python's KeyError, raised by `get_tensor_by_name` and friends for an unknown name. */
export class KeyError extends Error {
  override name = 'KeyError';
}
/** Python's LookupError: `tf.gradients` through an op that declares no gradient. */
export class LookupError extends Error {
  override name = 'LookupError';
}
export class NotImplementedError extends Error {
  override name = 'NotImplementedError';
}

/** TF's status codes (error_codes.proto). */
export const OK = 0;
export const CANCELLED = 1;
export const UNKNOWN = 2;
export const INVALID_ARGUMENT = 3;
export const DEADLINE_EXCEEDED = 4;
export const NOT_FOUND = 5;
export const ALREADY_EXISTS = 6;
export const PERMISSION_DENIED = 7;
export const RESOURCE_EXHAUSTED = 8;
export const FAILED_PRECONDITION = 9;
export const ABORTED = 10;
export const OUT_OF_RANGE = 11;
export const UNIMPLEMENTED = 12;
export const INTERNAL = 13;
export const UNAVAILABLE = 14;
export const DATA_LOSS = 15;
export const UNAUTHENTICATED = 16;

/** Base of the runtime errors: `e.op` is the failing Operation (or null), `e.message` TF's text. */
export class OpError extends Error {
  override name = 'OpError';
  constructor(
    readonly node_def: unknown,
    readonly op: ErrorOp | null,
    message: string,
    readonly error_code: number,
  ) {
    super(message);
  }
}

type OpErrorClass = new (node_def: unknown, op: ErrorOp | null, message: string) => OpError;

function opErrorClass(name: string, code: number): OpErrorClass {
  const cls = class extends OpError {
    constructor(node_def: unknown, op: ErrorOp | null, message: string) {
      super(node_def, op, message, code);
      this.name = name;
    }
  };
  Object.defineProperty(cls, 'name', {value: name});
  return cls;
}

export const CancelledError = opErrorClass('CancelledError', CANCELLED);
export const UnknownError = opErrorClass('UnknownError', UNKNOWN);
export const InvalidArgumentError = opErrorClass('InvalidArgumentError', INVALID_ARGUMENT);
export const DeadlineExceededError = opErrorClass('DeadlineExceededError', DEADLINE_EXCEEDED);
export const NotFoundError = opErrorClass('NotFoundError', NOT_FOUND);
export const AlreadyExistsError = opErrorClass('AlreadyExistsError', ALREADY_EXISTS);
export const PermissionDeniedError = opErrorClass('PermissionDeniedError', PERMISSION_DENIED);
export const ResourceExhaustedError = opErrorClass('ResourceExhaustedError', RESOURCE_EXHAUSTED);
export const FailedPreconditionError = opErrorClass('FailedPreconditionError', FAILED_PRECONDITION);
export const AbortedError = opErrorClass('AbortedError', ABORTED);
export const OutOfRangeError = opErrorClass('OutOfRangeError', OUT_OF_RANGE);
export const UnimplementedError = opErrorClass('UnimplementedError', UNIMPLEMENTED);
export const InternalError = opErrorClass('InternalError', INTERNAL);
export const UnavailableError = opErrorClass('UnavailableError', UNAVAILABLE);
export const DataLossError = opErrorClass('DataLossError', DATA_LOSS);
export const UnauthenticatedError = opErrorClass('UnauthenticatedError', UNAUTHENTICATED);

export type CancelledError = OpError;
export type UnknownError = OpError;
export type InvalidArgumentError = OpError;
export type NotFoundError = OpError;
export type FailedPreconditionError = OpError;
export type OutOfRangeError = OpError;
export type UnimplementedError = OpError;
export type InternalError = OpError;

/** TF1's node line, with the op type added: `\t [[node x (Placeholder, defined at model.ts:12) ]]`. */
export function nodeLine(op: ErrorOp): string {
  return `\n\t [[node ${op.name} (${op.type}, defined at ${op.traceback.site}) ]]`;
}

/** The one factory for errors about an op: TF's message followed by the node line. */
export function opError(cls: OpErrorClass, op: ErrorOp, message: string): OpError {
  return new cls(null, op, message + nodeLine(op));
}

/** A build-time error about an op (shape or dtype checks), in TF1's wording, with its node line. */
export function buildError<E extends Error>(
  cls: new (message: string) => E,
  op: ErrorOp,
  message: string,
): E {
  return new cls(message + nodeLine(op));
}
