/** The path every contract takes to tasks: commands with their metadata, and reads that see one's own writes. */
package io.taskbot.app.task;
