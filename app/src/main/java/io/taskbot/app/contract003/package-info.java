/**
 * Contract 003 under {@code /api/chat}: one endpoint that talks to the agent and reports the tools it ran; errors
 * are {@code {"error": {"code", "message", "details"}}}.
 */
package io.taskbot.app.contract003;
