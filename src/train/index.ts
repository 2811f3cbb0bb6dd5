/** `tf.train`: learning-rate schedules (and, with the training issue, optimizers and Saver). */
export * from './learning_rate_decay';
