package io.taskbot.conversation;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** An opaque conversation id such as {@code conv_3f2a9c41d0b84e6f}; owned by one user. */
public record ConversationId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public ConversationId {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a conversation id: " + value);
        }
    }

    public static ConversationId random() {
        return new ConversationId("conv_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }

    /** Whether a client-supplied text could be a conversation id at all. */
    public static boolean isWellFormed(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
