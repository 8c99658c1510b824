/** The conversation history read model in MongoDB: the agent's memory and the messages history endpoint. */
package io.taskbot.query.conversation;
