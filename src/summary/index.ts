/**
 * `tf.summary`: TF1's summary ops and the FileWriter of TensorBoard events files.
 *
 *     tf.summary.scalar('loss', cost);
 *     const merged = tf.summary.merge_all();
 *     const writer = new tf.summary.FileWriter('log/run', sess.graph);
 *     writer.add_summary(sess.run(merged, feed), step);
 */
export {scalar, histogram, image, merge, merge_all} from './summary';
export type {SummaryOptions, ImageOptions, MergeOptions, MergeAllOptions} from './summary';
export {FileWriter} from './writer';
export type {FileWriterOptions, SummaryLike} from './writer';
export {summary_iterator, parseSummary} from './event_reader';
export {tf_record_iterator} from './tfrecord';
export type {SummaryData as Summary, SummaryValueData as SummaryValue, EventData as Event, HistogramProtoData as HistogramProto} from './proto';
