package io.taskbot.agent;

import dev.langchain4j.service.Result;

/** The LangChain4j AI service: one user message in, the answer and the tools it ran out. */
interface TaskAssistant {

    Result<String> chat(String userMessage);
}
