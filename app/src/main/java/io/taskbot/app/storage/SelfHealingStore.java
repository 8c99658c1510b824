package io.taskbot.app.storage;

import java.util.Optional;

/** An embedded store that can come back by itself after the disk it writes to was full. */
public interface SelfHealingStore {

    /** For logs and health details, e.g. {@code readmodels}. */
    String name();

    /** Why the API cannot be served from this store right now, or empty when it can. */
    Optional<String> problem();

    /**
     * Reopens, reconnects or restarts what a failed write broke; called about every second while the data dir can be
     * written (and also while it cannot, if {@link #healsWhileFull()}), so it must be cheap when nothing is broken.
     */
    void heal();

    /** Called once when the data dir can be written again after it could not. */
    default void spaceReturned() {
        heal();
    }

    /** Whether healing is worth trying while the disk is still full, e.g. to serve reads again. */
    default boolean healsWhileFull() {
        return false;
    }
}
