/** The offline chat model's understanding of task talk: one utterance plus context in, the actions to take out. */
package io.taskbot.agent.offline;
