package io.taskbot.app.admin;

import io.taskbot.readmodel.ReadModelStatus;

import java.util.Locale;

/**
 * A read model's state: {@code state} is {@code live}, {@code rebuilding} or {@code switching}; {@code position} and
 * {@code behind} are those of the generation being filled during a rebuild, and of the one answering queries
 * otherwise, so that the numbers an operator watches are the ones that move. {@code generation} is the generation
 * answering queries; {@code rebuild} details the one being filled.
 */
record ReadModelResponse(String name, String state, long position, long behind, int generation, Rebuild rebuild) {

    record Rebuild(int generation, long position, long behind, String startedAt, long eventsPerSecond) {
    }

    static ReadModelResponse of(ReadModelStatus status) {
        String state = status.state().name().toLowerCase(Locale.ROOT);
        ReadModelStatus.Rebuild rebuild = status.rebuild();
        if (rebuild == null) {
            return new ReadModelResponse(status.name(), state, status.position(), status.behind(),
                    status.generation(), null);
        }
        return new ReadModelResponse(status.name(), state, rebuild.position(), rebuild.behind(),
                status.generation(), new Rebuild(rebuild.generation(), rebuild.position(), rebuild.behind(),
                rebuild.startedAt() == null ? null : rebuild.startedAt().toString(),
                Math.round(rebuild.eventsPerSecond())));
    }
}
