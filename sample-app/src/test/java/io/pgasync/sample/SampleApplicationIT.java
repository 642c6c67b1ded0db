package io.pgasync.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.testing.PgTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The sample app end to end: started on a random port against the test harness's PostgreSQL and driven over real
 * HTTP, as a user would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleApplicationIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PgTestServer server = PgTestServer.get();
        registry.add("pgasync.url", () -> server.url(server.mainRole()) + "?sslmode=disable");
    }

    @LocalServerPort
    int port;

    @Autowired
    io.pgasync.PgPool pool;

    @Autowired
    TransferFeed feed;

    private WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    private Account open(String owner, String balance) {
        return http().post().uri("/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("owner", owner, "balance", balance))
                .exchange().expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/accounts/\\d+")
                .expectBody(Account.class).returnResult().getResponseBody();
    }

    private String balance(long id) {
        return http().get().uri("/accounts/{id}", id).exchange().expectStatus().isOk()
                .expectBody(Account.class).returnResult().getResponseBody().balance().toPlainString();
    }

    @Test
    void theBankWorksOverHttp() {
        Account alice = open("alice", "100.00");
        Account bob = open("bob", "5.00");

        // a live feed of committed transfers, subscribed before the transfer happens (read with the JDK's client)
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<String> firstEvent = client.sendAsync(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/events")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines())
                .thenApplyAsync(response -> {
                    try (Stream<String> lines = response.body()) {
                        return lines.dropWhile(line -> !line.equals("event:transfer")).skip(1).findFirst()
                                .orElse("");
                    }
                });
        awaitSubscribers();

        Transfer transfer = http().post().uri("/transfers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("from", alice.id(), "to", bob.id(), "amount", "30.00"))
                .exchange().expectStatus().isCreated().expectBody(Transfer.class).returnResult().getResponseBody();
        assertThat(transfer.amount()).isEqualByComparingTo("30");
        assertThat(balance(alice.id())).isEqualTo("70.00");
        assertThat(balance(bob.id())).isEqualTo("35.00");

        String event = firstEvent.orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(event).startsWith("data:").contains("\"id\":" + transfer.id()).contains("\"amount\":30.00");

        // a transfer that fails leaves both balances as they were, and says why
        http().post().uri("/transfers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("from", bob.id(), "to", alice.id(), "amount", "1000"))
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Insufficient funds");
        http().post().uri("/transfers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("from", alice.id(), "to", 999_999, "amount", "1"))
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("There is no account 999999.");
        assertThat(balance(alice.id())).isEqualTo("70.00");
        assertThat(balance(bob.id())).isEqualTo("35.00");
        http().get().uri("/accounts/{id}", 999_999).exchange().expectStatus().isNotFound();

        // CSV import through COPY, then keyset pagination over everything
        http().post().uri("/accounts/import").contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue("owner,balance\ncarol,10.50\ndave,0\n")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.imported").isEqualTo(2);
        List<String> owners = new java.util.ArrayList<>();
        long after = 0;
        while (true) {
            Map<String, Object> page = http().get().uri("/accounts?after={after}&limit=2", after).exchange()
                    .expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                    .returnResult().getResponseBody();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
            items.forEach(item -> owners.add((String) item.get("owner")));
            if (page.get("next") == null) {
                break;
            }
            after = ((Number) page.get("next")).longValue();
        }
        assertThat(owners).containsSubsequence("alice", "bob", "carol", "dave");

        // operations: health with the pgasync indicator, a pool metric with a value, prometheus
        http().get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.pgasync.status").isEqualTo("UP");
        http().get().uri("/actuator/metrics/db.client.connection.count").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.measurements[0].value").isNumber();
        http().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("db_client_connection_count"));
        assertThat(pool.getAcquiredSize()).isZero();
    }

    /** Waits (bounded) until the SSE subscription reached the server; a transfer before that would be missed. */
    private void awaitSubscribers() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (feed.subscribers() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the /events client never subscribed");
            }
            Thread.onSpinWait();
        }
    }
}
