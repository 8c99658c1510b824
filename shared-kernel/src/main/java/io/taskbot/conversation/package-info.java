/** The conversation feature's published language: what was said to the agent and what it answered and did. */
package io.taskbot.conversation;
