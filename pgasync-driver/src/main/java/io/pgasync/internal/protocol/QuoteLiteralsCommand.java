package io.pgasync.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.pgasync.exception.PgProtocolException;
import io.pgasync.exception.PgServerException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Asks the server to render arguments as SQL literals ({@code quote_nullable($n::text)}, each parameter declared
 * with the type the server inferred for it in the user's query), for COPY queries, which cannot take parameters. The
 * quoting is the server's own, so it is right for its encoding and settings. One Sync group: Parse with explicit
 * types, Bind, Execute.
 */
final class QuoteLiteralsCommand extends Command {

    final CompletableFuture<List<String>> future = new CompletableFuture<>();
    private final PgConnectionImpl conn;
    private final int[] types;
    private final Object[] args;
    private final List<String> literals = new ArrayList<>();
    private PgServerException serverError;

    QuoteLiteralsCommand(PgConnectionImpl conn, int[] types, Object[] args) {
        this.conn = conn;
        this.types = types;
        this.args = args;
    }

    @Override
    boolean write(PgConnectionImpl c) {
        ByteBuf out = conn.out();
        int mark = out.writerIndex();
        try {
            BindWriter.checkArgumentCount(types.length, args.length);
            StringBuilder sql = new StringBuilder("SELECT ");
            for (int i = 1; i <= types.length; i++) {
                sql.append(i > 1 ? ", " : "").append("pg_catalog.quote_nullable($").append(i).append("::text)");
            }
            FrontendMessages.parse(out, "", sql.toString(), types);
            BindWriter.write(out, "", "", types, args, null, conn);
            FrontendMessages.execute(out, "", 0);
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
                int count = Wire.readShort(body, "DataRow") & 0xffff;
                for (int i = 0; i < count; i++) {
                    int length = Wire.readInt(body, "DataRow");
                    if (length < 0 || length > body.readableBytes()) {
                        throw new PgProtocolException("The server sent a DataRow value with length " + length);
                    }
                    literals.add(body.readCharSequence(length, StandardCharsets.UTF_8).toString());
                }
            }
            case 'E' -> {
                if (serverError == null) {
                    serverError = conn.readServerError(body);
                }
            }
            case '1', '2', 'C' -> {
                // ParseComplete, BindComplete, CommandComplete
            }
            default -> throw new PgProtocolException("The server sent an unexpected message of type '"
                    + PgFrameDecoder.printable(type) + "' while quoting arguments");
        }
    }

    @Override
    void onReadyForQuery(PgConnectionImpl c) {
        if (serverError != null) {
            future.completeExceptionally(serverError);
        } else {
            future.complete(literals);
        }
    }

    @Override
    boolean fail(Throwable cause) {
        return future.completeExceptionally(cause);
    }

    @Override
    boolean isDone() {
        return future.isDone();
    }
}
