/**
 * The GraphDef family of messages (graph.proto, node_def.proto, attr_value.proto, versions.proto)
 * as the plain objects `decodeProto`/`encodeProto` and the text format handle: TF's field names,
 * enums as numbers, bytes as Uint8Array, fields at their proto3 default left out.
 */
import type {TensorProto, TensorShapeProto} from './tensor_proto';

export interface ListValueProto {
  s?: Uint8Array[];
  i?: number[];
  f?: number[];
  b?: boolean[];
  type?: number[];
  shape?: TensorShapeProto[];
  tensor?: TensorProto[];
  func?: NameAttrListProto[];
}

/** One attr value: exactly one member of TF's `value` oneof is set. */
export interface AttrValueProto {
  s?: Uint8Array;
  i?: number;
  f?: number;
  b?: boolean;
  type?: number;
  shape?: TensorShapeProto;
  tensor?: TensorProto;
  list?: ListValueProto;
  func?: NameAttrListProto;
  placeholder?: string;
}

export interface NameAttrListProto {
  name?: string;
  attr?: Record<string, AttrValueProto>;
}

export interface NodeDefProto {
  name?: string;
  op?: string;
  input?: string[];
  device?: string;
  attr?: Record<string, AttrValueProto>;
  experimental_debug_info?: {original_node_names?: string[]; original_func_names?: string[]};
  experimental_type?: FullTypeDefProto;
}

/** full_type.proto's FullTypeDef: `type_id` is a FullTypeId enum value (TFT_INT32 = 207 …). */
export interface FullTypeDefProto {
  type_id?: number;
  args?: FullTypeDefProto[];
  s?: string;
  i?: number;
}

export interface VersionDefProto {
  producer?: number;
  min_consumer?: number;
  bad_consumers?: number[];
}

export interface GraphDefProto {
  node?: NodeDefProto[];
  versions?: VersionDefProto;
  version?: number;
}
