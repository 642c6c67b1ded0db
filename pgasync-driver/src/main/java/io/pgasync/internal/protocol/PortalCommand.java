package io.pgasync.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.pgasync.RowMapper;
import io.pgasync.exception.PgClientException;
import io.pgasync.exception.PgProtocolException;
import io.pgasync.exception.PgServerException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The steps of an explicit cursor (a named portal inside a transaction): open it (Bind), fetch from it
 * (Execute n), close it. Each is one Sync group.
 *
 * @param <T> the result type
 */
final class PortalCommand<T> extends Command {

    enum Kind { OPEN, FETCH, CLOSE }

    final CompletableFuture<T> future = new CompletableFuture<>();
    private final Kind kind;
    private final PgConnectionImpl conn;
    private final StatementCache.Entry statement;
    private final String portal;
    private final Object[] args;
    private final int count;
    private final RowMapper<?> mapper;
    private final List<Object> rows = new ArrayList<>();
    private PgServerException serverError;
    private RuntimeException clientError;

    PortalCommand(Kind kind, PgConnectionImpl conn, StatementCache.Entry statement, String portal, Object[] args,
            int count, RowMapper<?> mapper) {
        this.kind = kind;
        this.conn = conn;
        this.statement = statement;
        this.portal = portal;
        this.args = args;
        this.count = count;
        this.mapper = mapper;
    }

    @Override
    boolean write(PgConnectionImpl c) {
        if (future.isDone()) {
            return true;
        }
        if (kind == Kind.OPEN && !conn.inflightIsEmpty()) {
            return false; // the transaction status must be known
        }
        ByteBuf out = conn.out();
        int mark = out.writerIndex();
        try {
            switch (kind) {
                case OPEN -> {
                    if (conn.transactionStatus() == 'I') {
                        throw new PgClientException("A cursor cannot be created outside of a transaction: PostgreSQL"
                                + " closes it at the end of the statement. Open it inside conn.transaction(...), or"
                                + " stream with cursor(...), which works without one.");
                    }
                    BindWriter.checkArgumentCount(statement.parameterTypes.length, args.length);
                    if (statement.name.isEmpty()) {
                        FrontendMessages.parse(out, "", statement.sql, statement.parameterTypes);
                    }
                    BindWriter.write(out, portal, statement.name, statement.parameterTypes, args,
                            statement.rowDescription, conn);
                }
                case FETCH -> FrontendMessages.execute(out, portal, count);
                case CLOSE -> FrontendMessages.closePortal(out, portal);
            }
            FrontendMessages.sync(out);
        } catch (RuntimeException e) {
            out.writerIndex(mark);
            future.completeExceptionally(e);
            return true;
        }
        conn.syncWritten(this);
        return true;
    }

    @Override
    void onMessage(byte type, ByteBuf body, PgConnectionImpl c) {
        switch (type) {
            case 'D' -> {
                if (serverError != null || clientError != null) {
                    return;
                }
                try {
                    RowImpl row = new RowImpl(statement.rowDescription,
                            RowDecoder.decode(body, statement.rowDescription, conn));
                    rows.add(mapper.map(row));
                } catch (PgProtocolException e) {
                    throw e;
                } catch (RuntimeException e) {
                    clientError = e;
                }
            }
            case 'E' -> {
                if (serverError == null) {
                    serverError = conn.readServerError(body);
                }
            }
            case '1', '2', '3', 's', 'C', 'I' -> {
                // ParseComplete, BindComplete, CloseComplete, PortalSuspended, CommandComplete, EmptyQuery
            }
            default -> throw new PgProtocolException("The server sent an unexpected message of type '"
                    + PgFrameDecoder.printable(type) + "' for a cursor");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    void onReadyForQuery(PgConnectionImpl c) {
        if (serverError != null) {
            future.completeExceptionally(serverError);
        } else if (clientError != null) {
            future.completeExceptionally(clientError);
        } else {
            future.complete((T) (kind == Kind.FETCH ? rows : null));
        }
    }

    @Override
    boolean fail(Throwable cause) {
        return future.completeExceptionally(serverError != null ? serverError : cause);
    }

    @Override
    boolean isDone() {
        return future.isDone();
    }

    @Override
    String sql() {
        return statement == null ? null : statement.sql;
    }
}
