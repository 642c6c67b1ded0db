package io.pgasync.sample;

import io.pgasync.PgPool;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Creates the bank's tables at start-up, through pgasync, if they do not exist (run it twice: nothing changes). It
 * runs on the main thread before the web server takes requests, so waiting for it there is fine.
 */
@Component
class Schema implements InitializingBean {

    static final String DDL = """
            CREATE TABLE IF NOT EXISTS account (
                id         bigserial PRIMARY KEY,
                owner      text NOT NULL,
                balance    numeric(18, 2) NOT NULL DEFAULT 0 CHECK (balance >= 0),
                created_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE TABLE IF NOT EXISTS transfer (
                id           bigserial PRIMARY KEY,
                from_account bigint NOT NULL REFERENCES account (id),
                to_account   bigint NOT NULL REFERENCES account (id),
                amount       numeric(18, 2) NOT NULL CHECK (amount > 0),
                created_at   timestamptz NOT NULL DEFAULT now()
            );
            """;

    private final PgPool pool;

    Schema(PgPool pool) {
        this.pool = pool;
    }

    @Override
    public void afterPropertiesSet() {
        pool.execute(DDL).join();
    }
}
