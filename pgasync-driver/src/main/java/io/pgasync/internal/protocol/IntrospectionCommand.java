package io.pgasync.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.pgasync.codec.Codec;
import io.pgasync.codec.Format;
import io.pgasync.exception.PgClientException;
import io.pgasync.exception.PgProtocolException;
import io.pgasync.exception.PgServerException;
import io.pgasync.internal.codec.CodecRegistry;
import io.pgasync.internal.codec.PgOids;
import io.pgasync.internal.codec.TypeInfo;
import io.pgasync.internal.codec.TypeIntrospection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Looks up, with one query, the types a statement uses that the connection has no codec for (enums, domains,
 * composites, ranges, extension types, arrays of them), records what the catalog says in the connection's
 * {@code SessionCodecs} (and so its shareable {@code TypeCache}), then tells whoever waits.
 *
 * <p>A statement that needs it puts this command at the front of the queue while it waits between its Describe
 * and its Bind ({@link PgConnectionImpl#introspectFirst}), so the lookup runs on the same session, in order, and
 * nothing else is written in between. The query binds the OIDs as an {@code oid[]} parameter: no SQL is built
 * from names. One Sync group: Parse (unnamed), Bind (binary parameter and results), Execute, Sync.
 */
final class IntrospectionCommand extends Command {

    final CompletableFuture<Void> future = new CompletableFuture<>();
    private final int[] oids;
    private final Consumer<Throwable> then;
    private final Codec<?>[] decoders = TypeIntrospection.columnCodecs();
    private final List<TypeInfo> found = new ArrayList<>();
    private PgServerException serverError;
    private RuntimeException clientError;

    /**
     * @param oids the OIDs to look up
     * @param then called on the event loop once the lookup is over: with null, or with the failure (the types
     *     are then remembered as unknown, and decode as text)
     */
    IntrospectionCommand(int[] oids, Consumer<Throwable> then) {
        this.oids = oids;
        this.then = then;
    }

    @Override
    boolean write(PgConnectionImpl conn) {
        ByteBuf out = conn.out();
        int mark = out.writerIndex();
        try {
            FrontendMessages.parse(out, "", TypeIntrospection.SQL, new int[] {TypeIntrospection.PARAMETER_TYPE});
            int at = FrontendMessages.begin(out, 'B');
            out.writeByte(0); // unnamed portal
            out.writeByte(0); // unnamed statement
            out.writeShort(1).writeShort(Format.BINARY.code());
            out.writeShort(1);
            int lengthAt = out.writerIndex();
            out.writeInt(0);
            CodecRegistry.builtins().find(PgOids.OID_ARRAY).encode(TypeIntrospection.parameter(oids), Format.BINARY,
                    out, conn.codecContext);
            out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
            out.writeShort(1).writeShort(Format.BINARY.code());
            FrontendMessages.end(out, at);
            FrontendMessages.execute(out, "", 0);
            FrontendMessages.sync(out);
        } catch (RuntimeException e) {
            out.writerIndex(mark);
            throw e;
        }
        conn.syncWritten(this);
        return true;
    }

    @Override
    void onMessage(byte type, ByteBuf body, PgConnectionImpl conn) {
        switch (type) {
            case '1', '2', 'C' -> {
                // ParseComplete, BindComplete, CommandComplete
            }
            case 'D' -> onDataRow(body, conn);
            case 'E' -> {
                if (serverError == null) {
                    serverError = conn.readServerError(body);
                }
            }
            default -> throw new PgProtocolException("The server sent an unexpected message of type '"
                    + PgFrameDecoder.printable(type) + "' in reply to the type lookup");
        }
    }

    private void onDataRow(ByteBuf body, PgConnectionImpl conn) {
        if (clientError != null) {
            return;
        }
        int count = Wire.readShort(body, "DataRow") & 0xffff;
        if (count != decoders.length) {
            throw new PgProtocolException("The server sent a type lookup row of " + count + " columns");
        }
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            int length = Wire.readInt(body, "DataRow");
            if (length == -1) {
                continue;
            }
            if (length < 0 || length > body.readableBytes()) {
                throw new PgProtocolException("The server sent a DataRow value with length " + length + " ("
                        + body.readableBytes() + " bytes left); the connection is out of step and is closed");
            }
            int start = body.readerIndex();
            try {
                values[i] = decoders[i].decode(body, length, Format.BINARY, conn.codecContext);
            } catch (RuntimeException e) {
                clientError = e;
                return;
            }
            body.readerIndex(start + length);
        }
        try {
            found.add(TypeIntrospection.read(values));
        } catch (RuntimeException e) {
            clientError = e;
        }
    }

    @Override
    void onReadyForQuery(PgConnectionImpl conn) {
        RuntimeException failure = serverError != null ? serverError
                : clientError != null ? new PgClientException("Could not read the type lookup: "
                        + clientError.getMessage(), clientError) : null;
        // on failure nothing is recorded as found: the OIDs are remembered as unknown (text), not looked up again
        conn.codecs.addTypes(failure == null ? found : List.of(), oids);
        if (failure == null) {
            future.complete(null);
        } else {
            future.completeExceptionally(failure);
        }
        if (then != null) {
            then.accept(failure);
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

    @Override
    boolean cancellable() {
        return false;
    }
}
