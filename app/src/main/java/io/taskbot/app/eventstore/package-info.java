/**
 * Axon on a relational event store: the JDBC storage engine, token store, transactions, serialization and command
 * retries, declared here because Axon's JDBC auto-configuration does not run on Spring Boot 4.
 */
package io.taskbot.app.eventstore;
