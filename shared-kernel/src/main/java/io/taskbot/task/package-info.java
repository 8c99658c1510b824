/** The task feature's published language: commands, events, queries, their results and value types. */
package io.taskbot.task;
