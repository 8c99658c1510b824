package io.taskbot.app.console;

import io.taskbot.app.support.RunningApp;
import io.taskbot.app.support.TaskbotApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web console in a real browser: {@code src/test/console/console.spec.mjs} drives Debian's Chromium through
 * playwright-core against the running app (sign up, chat a task into being, see it listed without a reload, tick it
 * done, read its history). Skipped, saying why, where Node.js or Chromium is missing; screenshots of every screen
 * land in {@code target/console-screenshots}.
 */
@TaskbotApp
class ConsoleIT {

    private static final Path SOURCES = Path.of("src/test/console");
    private static final Path WORK = Path.of("target/console-tests");
    private static final Path SCREENSHOTS = Path.of("target/console-screenshots");

    static RunningApp app;
    static String chromium;

    @BeforeAll
    static void startApp(RunningApp running) throws Exception {
        chromium = System.getProperty("taskbot.it.chromium",
                System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        assumeTrue(Files.isExecutable(Path.of(chromium)),
                "Chromium is not installed at " + chromium + " (apt-get install chromium): the console's browser "
                        + "tests are skipped");
        assumeTrue(run(List.of("node", "--version"), Path.of("."), Map.of(), 30) == 0,
                "Node.js is not installed (apt-get install nodejs npm): the console's browser tests are skipped");
        installPlaywright();
        app = running;
    }

    @Test
    void aPersonSignsUpChatsCompletesAndReadsTheHistoryInTheBrowser() throws Exception {
        Path log = WORK.resolve("console.log");
        int exit = run(List.of("node", "console.spec.mjs"), WORK, Map.of(
                "TASKBOT_URL", "http://127.0.0.1:" + app.port(),
                "CHROMIUM", chromium,
                "SCREENSHOTS", SCREENSHOTS.toAbsolutePath().toString()), 300, log);
        assertThat(exit).as(Files.readString(log)).isZero();
        assertThat(Files.readString(log)).contains("console: all steps passed");
        assertThat(SCREENSHOTS.resolve("3-task-history.png")).exists();
    }

    /** playwright-core as pinned by the lock file, installed under target/ unless the same version is there. */
    private static void installPlaywright() throws Exception {
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "console.spec.mjs")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Path installed = WORK.resolve("node_modules/playwright-core/package.json");
        String pinned = "\"version\": \"" + pinnedVersion() + "\"";
        if (Files.exists(installed) && Files.readString(installed).contains(pinned)) {
            return;
        }
        Path log = WORK.resolve("npm.log");
        int exit = run(List.of("npm", "ci", "--no-audit", "--no-fund"), WORK, Map.of(), 300, log);
        assumeTrue(exit == 0, "playwright-core could not be installed with npm ci (offline?): the console's browser "
                + "tests are skipped\n" + Files.readString(log));
    }

    private static String pinnedVersion() throws IOException {
        String manifest = Files.readString(SOURCES.resolve("package.json"));
        return manifest.replaceAll("(?s).*\"playwright-core\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static int run(List<String> command, Path directory, Map<String, String> environment, int seconds)
            throws Exception {
        return run(command, directory, environment, seconds, null);
    }

    private static int run(List<String> command, Path directory, Map<String, String> environment, int seconds,
                           Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log.toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException notInstalled) {
            return -1;
        }
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -2;
        }
        return process.exitValue();
    }
}
