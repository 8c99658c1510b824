/** The task write model: the event-sourced Task aggregate, its creation and the allocation of task ids. */
package io.taskbot.command.task;
