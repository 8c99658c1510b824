package io.taskbot.app;

import io.taskbot.app.config.TaskbotProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Assembles the command side, the query side and the adapters of the three API contracts into one service. */
@SpringBootApplication(scanBasePackages = "io.taskbot")
@EnableConfigurationProperties(TaskbotProperties.class)
public class TaskbotApplication {

    public static void main(String[] args) {
        SpringApplication.run(TaskbotApplication.class, args);
    }
}
