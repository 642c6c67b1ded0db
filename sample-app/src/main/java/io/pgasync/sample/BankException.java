package io.pgasync.sample;

import org.springframework.http.HttpStatus;

/** A request the bank refuses: rendered as an {@code application/problem+json} body with this status. */
class BankException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String title;

    BankException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    static BankException accountNotFound(long id) {
        return new BankException(HttpStatus.NOT_FOUND, "Account not found", "There is no account " + id + ".");
    }

    static BankException insufficientFunds(long id) {
        return new BankException(HttpStatus.CONFLICT, "Insufficient funds",
                "Account " + id + " does not have enough money for this transfer; nothing was moved.");
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }
}
