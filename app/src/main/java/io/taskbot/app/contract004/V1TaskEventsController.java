package io.taskbot.app.contract004;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.taskbot.app.security.CurrentUser;
import io.taskbot.app.task.TaskChangeFeed;
import io.taskbot.task.TaskChange;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.time.Duration;

/**
 * {@code GET /v1/tasks/events}: the caller's task changes as server-sent events, so that a list on screen follows
 * changes made anywhere (the chat, another tab, another client) without reloading. Authenticated like every other
 * request, with the bearer token in the Authorization header: browsers read the stream with {@code fetch()}.
 * <ul>
 *   <li>{@code event: ready}, {@code data: {"total": n}} once the subscription stands; a client fetches its list
 *       after this, so that no change falls between its read and the subscription;</li>
 *   <li>{@code event: task}, {@code data: {"id", "version", "deleted", "task"}} for every change, {@code task} in
 *       contract 004's shape (null once deleted);</li>
 *   <li>a comment line every {@link #KEEP_ALIVE}, so that proxies keep the connection and a gone client is noticed.</li>
 * </ul>
 * A stream ends after {@link #LIFETIME} (or when the server stops); clients reconnect.
 */
@RestController
class V1TaskEventsController {

    static final Duration KEEP_ALIVE = Duration.ofSeconds(20);
    static final Duration LIFETIME = Duration.ofMinutes(30);

    record TaskEvent(long id, long version, boolean deleted, @JsonInclude(JsonInclude.Include.ALWAYS) V1Task task) {

        static TaskEvent of(TaskChange change) {
            return new TaskEvent(change.taskId().value(), change.version(), change.deleted(),
                    change.deleted() ? null : V1Task.of(change.task()));
        }
    }

    record Ready(long total) {
    }

    private final TaskChangeFeed feed;
    private final TaskEventStreams streams;

    V1TaskEventsController(TaskChangeFeed feed, TaskEventStreams streams) {
        this.feed = feed;
        this.streams = streams;
    }

    @GetMapping(path = "/v1/tasks/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@AuthenticationPrincipal Jwt token) {
        SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
        TaskChangeFeed.Watch watch = feed.watch(CurrentUser.of(token));
        Flux<SseEmitter.SseEventBuilder> events = Flux.concat(
                watch.total().map(total -> SseEmitter.event().name("ready").data(new Ready(total))),
                Flux.merge(
                        watch.changes().map(change -> SseEmitter.event().name("task").data(TaskEvent.of(change))),
                        Flux.interval(KEEP_ALIVE).map(tick -> SseEmitter.event().comment("keep-alive"))));
        // written on a thread of its own: a slow client must never hold up the projection that emits the changes
        Disposable sending = events.publishOn(Schedulers.boundedElastic()).subscribe(
                event -> send(emitter, event),
                failure -> emitter.complete(),
                emitter::complete);
        Runnable stop = () -> {
            sending.dispose();
            watch.cancel();
            streams.forget(emitter);
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(emitter::complete);
        emitter.onError(failure -> stop.run());
        streams.remember(emitter);
        return emitter;
    }

    private static void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException clientGone) {
            // the client went away; completing releases the subscription through onCompletion
            emitter.complete();
        }
    }
}
