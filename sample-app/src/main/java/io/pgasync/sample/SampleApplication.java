package io.pgasync.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The pgasync sample application: a small bank on Spring WebFlux and the pgasync starter. Accounts, transfers in
 * transactions, a live feed of committed transfers (LISTEN/NOTIFY as Server-Sent Events), and a CSV import with
 * COPY. With nothing configured it runs on an embedded PostgreSQL; set {@code PGASYNC_URL} to use a real server.
 */
@SpringBootApplication
public class SampleApplication {

    /**
     * Starts the application.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
