/**
 * Contract 000 under {@code /api/v1}: register and log in, tasks, health. Plain JSON objects and arrays; every error
 * is {@code {"detail": "..."}}. Someone else's task is "Task not found".
 */
package io.taskbot.app.contract000;
