package io.taskbot.app.account;

import io.taskbot.user.UserId;

import java.time.Instant;

/** A registered person. The password hash never leaves this package. */
public record Account(UserId id, String email, String username, Instant createdAt) {
}
