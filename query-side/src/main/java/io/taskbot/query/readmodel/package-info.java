/**
 * Rebuildable read models: each lives in numbered generations of MongoDB collections, filled by a tracking processor
 * of its own; a rebuild fills a new generation under a new processor and switches queries over atomically.
 */
package io.taskbot.query.readmodel;
