package io.taskbot.bench.baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The plain CRUD app the benchmark compares Taskbot with: the same endpoint shape on the same durable H2 file
 * settings, with nothing but Spring MVC, Jackson and one JdbcTemplate insert per create.
 */
@SpringBootApplication
public class BaselineApplication {

    public static void main(String[] args) {
        SpringApplication.run(BaselineApplication.class, args);
    }
}
