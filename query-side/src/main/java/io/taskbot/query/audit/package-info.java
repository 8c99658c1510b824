/** The audit of tasks: each task's history and its state at any past instant, read from its own event stream. */
package io.taskbot.query.audit;
