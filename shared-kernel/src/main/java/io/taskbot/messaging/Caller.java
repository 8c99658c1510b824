package io.taskbot.messaging;

import io.taskbot.user.UserId;

import java.util.Map;

/** Who sends a command, through which channel, as part of which request; becomes the metadata of its events. */
public record Caller(UserId user, Channel channel, String correlationId) {

    /** The command's metadata, see {@link MetadataKeys}. */
    public Map<String, String> metadata() {
        return MetadataKeys.of(user, channel, correlationId);
    }
}
