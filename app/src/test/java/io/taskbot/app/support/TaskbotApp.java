package io.taskbot.app.support;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the test class against a started application, injected as a {@link RunningApp} or {@link ApiClient}
 * parameter (of {@code @BeforeAll}, {@code @Test} or the constructor).
 * <p>
 * Without settings the class shares the suite's one default app, started once and stopped when the suite ends:
 * such classes must not depend on each other's data (each registers its own users). A class that needs settings of
 * its own (a clock, rate limits, short time-outs) gets its own app for its lifetime. Classes that need the same
 * settings share them by a named app: an annotation of their own, annotated with {@code @TaskbotApp(...)} (see
 * {@link RateLimitedApp}), started once for all the classes that carry it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TaskbotAppExtension.class)
public @interface TaskbotApp {

    /** Settings as {@code name=value}, over the defaults of {@link TaskbotAppExtension#DEFAULTS}. */
    String[] properties() default {};

    /** Beans the test controls (e.g. {@link ManualTimeMeter}), made with their no-argument constructor. */
    Class<?>[] beans() default {};
}
