/** Publishes every task event to Kafka as a CloudEvent, from a streaming processor with its own token. */
package io.taskbot.query.taskevents;
