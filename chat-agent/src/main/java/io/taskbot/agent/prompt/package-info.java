/** The system prompt of a turn: the rules, the user's clock and the user's tasks as data. */
package io.taskbot.agent.prompt;
