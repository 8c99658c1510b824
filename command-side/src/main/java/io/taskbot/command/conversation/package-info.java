/** The conversation write model: who talks to the assistant, what they said and what it answered. */
package io.taskbot.command.conversation;
