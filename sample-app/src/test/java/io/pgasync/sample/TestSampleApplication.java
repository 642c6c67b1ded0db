package io.pgasync.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Runs the sample app against a PostgreSQL container (for machines with Docker):
 * {@code ./mvnw -pl sample-app spring-boot:test-run}. The container's connection details reach the pool through
 * the starter's {@code @ServiceConnection} support.
 */
public class TestSampleApplication {

    /** The container, wired in as the app's database. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Containers {

        @Bean
        @ServiceConnection
        PostgreSQLContainer postgres() {
            return new PostgreSQLContainer("postgres:18");
        }
    }

    /**
     * Starts the app with the container.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        SpringApplication.from(SampleApplication::main).with(Containers.class).run(args);
    }
}
