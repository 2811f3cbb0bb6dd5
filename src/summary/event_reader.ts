/**
 * Reading events files back: TF1's `tf.train.summary_iterator(path)` yields the Event protos of
 * one file, in order. Works on files written by tf1ts and by TensorFlow alike.
 */
import * as fs from 'fs';
import * as path from 'path';
import {binaryToBytes} from './bytes';
import {decodeEvent, decodeSummary, type EventData, type SummaryData} from './proto';
import {decodeRecords} from './tfrecord';

/** `tf.train.summary_iterator(path)`: the events of an events file, decoded. */
export function* summary_iterator(file: string): Generator<EventData> {
  for (const record of decodeRecords(fs.readFileSync(file))) yield decodeEvent(record);
}

/** The events files of a log directory (`events.out.tfevents.*`), oldest name first. */
export function eventFiles(logdir: string): string[] {
  if (!fs.existsSync(logdir)) return [];
  return fs
    .readdirSync(logdir)
    .filter((f) => f.includes('tfevents'))
    .sort()
    .map((f) => path.join(logdir, f));
}

/**
 * Parses what a summary op returned (`sess.run(merged)`: a binary string, see bytes.ts), or
 * serialized bytes, into a Summary — Python's `tf.Summary.FromString(summary_str)`.
 */
export function parseSummary(serialized: string | Uint8Array): SummaryData {
  return decodeSummary(typeof serialized === 'string' ? binaryToBytes(serialized) : serialized);
}
