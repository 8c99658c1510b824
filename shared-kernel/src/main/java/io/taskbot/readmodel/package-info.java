/** Operating the read models: their state, rebuilds from the event store, and projection failures (dead letters). */
package io.taskbot.readmodel;
