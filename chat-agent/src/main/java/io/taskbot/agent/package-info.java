/** The chat agent: one conversation turn, from the user's words through the tool loop to the recorded answer. */
package io.taskbot.agent;
