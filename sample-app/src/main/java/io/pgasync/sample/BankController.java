package io.pgasync.sample;

import io.pgasync.CopySource;
import io.pgasync.PgCopyOptions;
import io.pgasync.PgPool;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The bank's HTTP API. */
@RestController
class BankController {

    record OpenAccount(String owner, BigDecimal balance) {}

    record NewTransfer(long from, long to, BigDecimal amount) {}

    record Page(List<Account> items, Long next) {}

    private final Bank bank;
    private final TransferFeed feed;
    private final PgPool pool;

    BankController(Bank bank, TransferFeed feed, PgPool pool) {
        this.bank = bank;
        this.feed = feed;
        this.pool = pool;
    }

    @PostMapping("/accounts")
    Mono<ResponseEntity<Account>> open(@RequestBody OpenAccount request) {
        return bank.open(request.owner(), request.balance())
                .map(a -> ResponseEntity.created(URI.create("/accounts/" + a.id())).body(a));
    }

    @GetMapping("/accounts/{id}")
    Mono<Account> account(@PathVariable long id) {
        return bank.account(id);
    }

    @GetMapping("/accounts")
    Mono<Page> accounts(@RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "20") int limit) {
        return bank.accounts(after, limit).collectList()
                .map(items -> new Page(items, items.size() < limit ? null : items.get(items.size() - 1).id()));
    }

    @PostMapping("/transfers")
    Mono<ResponseEntity<Transfer>> transfer(@RequestBody NewTransfer request) {
        return bank.transfer(request.from(), request.to(), request.amount())
                .map(t -> ResponseEntity.created(URI.create("/transfers/" + t.id())).body(t));
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<String>> events() {
        return feed.events();
    }

    /**
     * Loads accounts from CSV ({@code owner,balance} with a header line) with COPY, streamed from the request body:
     * a large file is never held in memory. A bad line rejects the whole file.
     */
    @PostMapping(path = "/accounts/import", consumes = "text/csv")
    Mono<Map<String, Long>> importCsv(@RequestBody Flux<DataBuffer> body) {
        Flux<ByteBuffer> chunks = body.map(buffer -> {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            DataBufferUtils.release(buffer);
            return ByteBuffer.wrap(bytes);
        });
        PgCopyOptions csv = PgCopyOptions.builder().format(PgCopyOptions.Format.CSV).header(true)
                .columns("owner", "balance").build();
        return Mono.fromFuture(() -> pool.copyToTable("account",
                CopySource.of(JdkFlowAdapter.publisherToFlowPublisher(chunks)), csv))
                .map(count -> Map.of("imported", count));
    }
}
