package io.taskbot.app.task;

import io.taskbot.messaging.Channel;
import io.taskbot.user.UserId;

/** Who sends a command, through which channel, as part of which request; becomes the metadata of its events. */
public record Caller(UserId user, Channel channel, String correlationId) {
}
