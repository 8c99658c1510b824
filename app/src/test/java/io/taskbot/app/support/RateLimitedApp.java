package io.taskbot.app.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The app with the product's rate limits on, a clock the tests move ({@link ManualTimeMeter}) and the loopback proxy
 * trusted, so that every test is a client of its own through {@code X-Forwarded-For} (see {@link ClientAddresses}).
 * Started once for all the classes that carry this annotation: their clients never share an address and their users
 * never share an account, and the clock only ever moves forward.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TaskbotApp(properties = {"taskbot.rate-limits.enabled=true", "taskbot.rate-limits.trusted-proxies=127.0.0.1,::1"},
        beans = ManualTimeMeter.class)
public @interface RateLimitedApp {
}
