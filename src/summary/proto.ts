/**
 * The Summary and Event protocol buffers (src/framework/proto/{summary,event}.proto, TF's field
 * numbers) as the plain objects tf1ts builds and reads, with TF's own field names
 * (`simple_value`, `encoded_image_string`), so a Summary written by hand reads as in Python.
 * The shared loader drops proto3 defaults outside oneofs, as TF's C++ serializer does, so our
 * bytes equal TF's for the same message.
 */
import {decodeProto, encodeProto} from '../framework/proto/index';

/** HistogramProto: the buckets of TF's histogram::Histogram (see histogram.ts). */
export interface HistogramProtoData {
  min?: number;
  max?: number;
  num?: number;
  sum?: number;
  sum_squares?: number;
  bucket_limit?: number[];
  bucket?: number[];
}

export interface ImageData {
  height?: number;
  width?: number;
  colorspace?: number;
  encoded_image_string?: Uint8Array;
}

export interface SummaryMetadataData {
  plugin_data?: {plugin_name?: string; content?: Uint8Array};
  display_name?: string;
  summary_description?: string;
  data_class?: number;
}

/** One Summary.Value: a tag and one of simple_value, histo, image … */
export interface SummaryValueData {
  node_name?: string;
  tag?: string;
  metadata?: SummaryMetadataData;
  simple_value?: number;
  obsolete_old_style_histogram?: Uint8Array;
  image?: ImageData;
  histo?: HistogramProtoData;
  audio?: {sample_rate?: number; num_channels?: number; length_frames?: number; encoded_audio_string?: Uint8Array; content_type?: string};
  tensor?: Record<string, unknown>;
}

export interface SummaryData {
  value?: SummaryValueData[];
}

export interface SessionLogData {
  status?: number;
  checkpoint_path?: string;
  msg?: string;
}

export interface EventData {
  wall_time?: number;
  step?: number;
  file_version?: string;
  graph_def?: Uint8Array;
  summary?: SummaryData;
  log_message?: {level?: number; message?: string};
  session_log?: SessionLogData;
  tagged_run_metadata?: {tag?: string; run_metadata?: Uint8Array};
  meta_graph_def?: Uint8Array;
  source_metadata?: {writer?: string};
}

export function encodeSummary(s: SummaryData): Uint8Array {
  return encodeProto('Summary', s);
}

export function encodeEvent(e: EventData): Uint8Array {
  return encodeProto('Event', e);
}

export function decodeSummary(bytes: Uint8Array): SummaryData {
  return decodeProto<SummaryData>('Summary', bytes);
}

export function decodeEvent(bytes: Uint8Array): EventData {
  return decodeProto<EventData>('Event', bytes);
}
