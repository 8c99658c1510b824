/**
 * Contract 004 under {@code /v1}: register, log in and out by e-mail, and tasks, every answer in the
 * {@code {"success", "data", "message"}} envelope. Someone else's task is 403 FORBIDDEN.
 */
package io.taskbot.app.contract004;
