package io.taskbot.app.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts the application of {@link TaskbotApp}: the default one, and each named one, once per suite in the root
 * store (closed when the suite ends); one with settings of its own in the test class's store (closed after the
 * class). Each app gets its own
 * data dir and, on PostgreSQL, its own schema; both are removed when it stops.
 */
public final class TaskbotAppExtension implements BeforeAllCallback, ParameterResolver {

    /** What every app of this extension runs with unless the class says otherwise. */
    public static final Map<String, String> DEFAULTS = Map.of(
            // rate limits have their own IT; elsewhere they would only count the suite's requests
            "taskbot.rate-limits.enabled", "false",
            // longer than the test client's own 30 s time-out: StalledBodiesIT tells a held request thread (the
            // client gives up) from a free one (answered while the stalled bodies still wait)
            "taskbot.web.body-timeout", "40s",
            "taskbot.admins", Admins.EMAIL,
            "taskbot.admin-password", Admins.PASSWORD);

    private static final Namespace NAMESPACE = Namespace.create(TaskbotAppExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        app(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RunningApp.class || type == ApiClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        RunningApp app = app(context);
        return parameter.getParameter().getType() == RunningApp.class ? app : app.client();
    }

    private static RunningApp app(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        while (!AnnotationSupport.isAnnotated(testClass, TaskbotApp.class) && testClass.getEnclosingClass() != null) {
            testClass = testClass.getEnclosingClass();
        }
        TaskbotApp settings = AnnotationSupport.findAnnotation(testClass, TaskbotApp.class).orElseThrow();
        Class<? extends Annotation> named = namedApp(testClass);
        boolean shared = named != null || settings.properties().length == 0 && settings.beans().length == 0;
        ExtensionContext owner = shared ? context.getRoot() : classContext(context, testClass);
        Object key = named != null ? named : shared ? "default" : testClass;
        return owner.getStore(NAMESPACE)
                .computeIfAbsent(key, k -> Started.start(settings), Started.class).app();
    }

    /** The annotation, itself annotated with {@link TaskbotApp}, that names the app the class shares; or null. */
    private static Class<? extends Annotation> namedApp(Class<?> testClass) {
        for (Annotation annotation : testClass.getDeclaredAnnotations()) {
            Class<? extends Annotation> type = annotation.annotationType();
            if (type != TaskbotApp.class && type.isAnnotationPresent(TaskbotApp.class)) {
                return type;
            }
        }
        return null;
    }

    private static ExtensionContext classContext(ExtensionContext context, Class<?> testClass) {
        ExtensionContext current = context;
        while (current.getTestClass().orElse(null) != testClass || current.getTestMethod().isPresent()) {
            current = current.getParent().orElseThrow();
        }
        return current;
    }

    /** A started app with what it owns: closing it stops the app and removes its data dir and schema. */
    private record Started(RunningApp app, Map<String, String> database) implements AutoCloseable {

        static Started start(TaskbotApp settings) {
            Map<String, String> properties = new LinkedHashMap<>(DEFAULTS);
            for (String property : settings.properties()) {
                int equals = property.indexOf('=');
                if (equals < 1) {
                    throw new IllegalArgumentException("not name=value: " + property);
                }
                properties.put(property.substring(0, equals), property.substring(equals + 1));
            }
            Map<String, String> database = Databases.freshEventStore();
            properties.putAll(database);
            Object[] beans = Stream.of(settings.beans()).map(Started::instantiate).toArray();
            try {
                Path dataDir = Files.createTempDirectory("taskbot-it-");
                return new Started(RunningApp.start(dataDir, properties, beans), database);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Object instantiate(Class<?> type) {
            try {
                return type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("cannot make a " + type.getName(), e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                app.close();
            } finally {
                Databases.drop(database);
                deleteRecursively(app.dataDir());
            }
        }

        private static void deleteRecursively(Path dir) throws IOException {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
