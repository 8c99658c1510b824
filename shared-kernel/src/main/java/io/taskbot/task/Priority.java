package io.taskbot.task;

import java.util.Locale;
import java.util.Optional;

/** How pressing a task is. Declared in rank order, so {@link #rank()} sorts low &lt; medium &lt; high &lt; urgent. */
public enum Priority {
    LOW, MEDIUM, HIGH, URGENT;

    public static final Priority DEFAULT = MEDIUM;

    /** The lowercase name every contract uses on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int rank() {
        return ordinal();
    }

    /** Parses a wire name, ignoring case; empty for anything that is not a priority. */
    public static Optional<Priority> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (Priority priority : values()) {
            if (priority.wireName().equalsIgnoreCase(name.trim())) {
                return Optional.of(priority);
            }
        }
        return Optional.empty();
    }
}
