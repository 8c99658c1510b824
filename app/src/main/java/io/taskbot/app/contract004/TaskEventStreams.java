package io.taskbot.app.contract004;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open task-event streams of this node. They are ended before the web server's graceful shutdown begins, which
 * would otherwise wait for these never-ending responses until its timeout; clients reconnect to another node.
 */
@Component
class TaskEventStreams implements SmartLifecycle {

    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    void remember(SseEmitter emitter) {
        open.add(emitter);
    }

    void forget(SseEmitter emitter) {
        open.remove(emitter);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        open.forEach(SseEmitter::complete);
        open.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops among the first, before the web server's graceful shutdown phase. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE;
    }
}
