package io.pgasync.spring.boot.autoconfigure.transaction;

import io.pgasync.exception.PgConnectionException;
import io.pgasync.exception.PgConnectionReleasedException;
import io.pgasync.exception.PgException;
import io.pgasync.exception.PgParameterException;
import io.pgasync.exception.PgPoolClosedException;
import io.pgasync.exception.PgPoolQueueFullException;
import io.pgasync.exception.PgPoolTimeoutException;
import io.pgasync.exception.PgServerException;
import io.pgasync.exception.PgTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.support.PersistenceExceptionTranslator;

/**
 * Translates pgasync's exceptions into Spring's {@link DataAccessException} hierarchy, by SQLSTATE for server errors
 * (the driver's exception stays the cause, with every field of the server's error):
 *
 * <table>
 * <caption>Translation</caption>
 * <tr><th>Driver error</th><th>Spring exception</th></tr>
 * <tr><td>23505 unique_violation</td><td>{@link DuplicateKeyException}</td></tr>
 * <tr><td>other 23xxx (integrity constraint), class 22 (data exception)</td>
 *     <td>{@link DataIntegrityViolationException}</td></tr>
 * <tr><td>40001 serialization_failure</td><td>{@link PessimisticLockingFailureException}</td></tr>
 * <tr><td>40P01 deadlock_detected, 55P03 lock_not_available</td><td>{@link CannotAcquireLockException}</td></tr>
 * <tr><td>57014 query_canceled, a client-side command timeout</td><td>{@link QueryTimeoutException}</td></tr>
 * <tr><td>class 08, 57P01-57P03 (shutdown), a lost connection</td><td>{@link DataAccessResourceFailureException}</td></tr>
 * <tr><td>class 53 (insufficient resources), pool timeout or full queue</td>
 *     <td>{@link TransientDataAccessResourceException}</td></tr>
 * <tr><td>42501 insufficient_privilege</td><td>{@link PermissionDeniedDataAccessException}</td></tr>
 * <tr><td>other class 42 (syntax error or access rule), class 3D/3F</td>
 *     <td>{@link InvalidDataAccessResourceUsageException}</td></tr>
 * <tr><td>class 25 (invalid transaction state, e.g. 25006 read-only), a released connection, bad parameters</td>
 *     <td>{@link InvalidDataAccessApiUsageException}</td></tr>
 * <tr><td>anything else from the driver</td><td>{@link UncategorizedPgException}</td></tr>
 * </table>
 *
 * <p>A bean of this type makes {@code @Repository} beans translate driver exceptions when Spring's
 * {@code PersistenceExceptionTranslationPostProcessor} is active. {@link CompletionException} and
 * {@link ExecutionException} wrappers (from {@code join()} and {@code get()}) are looked through.
 */
public class PgExceptionTranslator implements PersistenceExceptionTranslator {

    /** A shared instance. */
    public static final PgExceptionTranslator INSTANCE = new PgExceptionTranslator();

    @Override
    public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
        Throwable t = unwrap(ex);
        if (t instanceof DataAccessException dae) {
            return dae;
        }
        return t instanceof PgException pg ? translate(null, pg) : null;
    }

    /**
     * Translates any throwable: driver errors as above, a {@link DataAccessException} as itself, others wrapped in
     * {@link UncategorizedPgException}.
     *
     * @param task what was being done, for the message (e.g. "commit"), or null
     * @param error the error, possibly wrapped in a {@link CompletionException}
     * @return the Spring exception
     */
    public DataAccessException translate(String task, Throwable error) {
        Throwable t = unwrap(error);
        if (t instanceof DataAccessException dae) {
            return dae;
        }
        String message = (task != null ? task + ": " : "") + t.getMessage();
        if (t instanceof PgServerException server) {
            return translateServer(message, server);
        }
        if (t instanceof PgPoolTimeoutException || t instanceof PgPoolQueueFullException) {
            return new TransientDataAccessResourceException(message, t);
        }
        if (t instanceof PgTimeoutException) {
            return new QueryTimeoutException(message, t);
        }
        if (t instanceof PgConnectionException || t instanceof PgPoolClosedException) {
            return new DataAccessResourceFailureException(message, t);
        }
        if (t instanceof PgConnectionReleasedException) {
            return new InvalidDataAccessApiUsageException(message + " (the connection was used after its"
                    + " transaction ended: a future completing after a @Transactional method returns runs outside"
                    + " the transaction; see docs/spring-boot.md, \"CompletableFuture and transactions\")", t);
        }
        if (t instanceof PgParameterException) {
            return new InvalidDataAccessApiUsageException(message, t);
        }
        return new UncategorizedPgException(message, t);
    }

    private static DataAccessException translateServer(String message, PgServerException e) {
        String state = e.getSqlState() != null ? e.getSqlState() : "";
        String clazz = state.length() >= 2 ? state.substring(0, 2) : "";
        switch (state) {
            case "23505":
                return new DuplicateKeyException(message, e);
            case "40001":
                return new PessimisticLockingFailureException(message, e);
            case "40P01":
            case "55P03":
                return new CannotAcquireLockException(message, e);
            case "57014":
                return new QueryTimeoutException(message, e);
            case "57P01":
            case "57P02":
            case "57P03":
                return new DataAccessResourceFailureException(message, e);
            case "42501":
                return new PermissionDeniedDataAccessException(message, e);
            default:
                break;
        }
        switch (clazz) {
            case "23":
            case "22":
                return new DataIntegrityViolationException(message, e);
            case "08":
                return new DataAccessResourceFailureException(message, e);
            case "53":
                return new TransientDataAccessResourceException(message, e);
            case "42":
            case "3D":
            case "3F":
                return new InvalidDataAccessResourceUsageException(message, e);
            case "25":
                return new InvalidDataAccessApiUsageException(message, e);
            default:
                return new UncategorizedPgException(message, e);
        }
    }

    static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
