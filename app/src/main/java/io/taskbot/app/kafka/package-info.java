/** Kafka for the task events: the producer and topic settings, the embedded broker, and the publisher's health. */
package io.taskbot.app.kafka;
