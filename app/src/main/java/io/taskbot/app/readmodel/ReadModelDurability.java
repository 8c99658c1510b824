package io.taskbot.app.readmodel;

/**
 * Makes the read-model writes done so far durable. A real MongoDB journals every acknowledged write, so there is
 * nothing to do; the embedded server commits its H2 store only once a second unless told to.
 */
@FunctionalInterface
public interface ReadModelDurability {

    ReadModelDurability JOURNALED = () -> {
    };

    void flush();
}
