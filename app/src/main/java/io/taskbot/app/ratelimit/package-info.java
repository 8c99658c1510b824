/**
 * Request limits of every contract with Bucket4j: buckets per client address or per user, kept in PostgreSQL when
 * the app runs clustered on it and in process memory for the embedded default; refusals are 429s in each contract's
 * own format.
 */
package io.taskbot.app.ratelimit;
