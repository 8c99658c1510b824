package io.taskbot.app.security;

import io.taskbot.user.UserId;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who a request acts for: always the subject of its verified token, never anything the client put in a body. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static UserId of(Jwt token) {
        return UserId.of(Long.parseLong(token.getSubject()));
    }
}
