package io.pgasync.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.pgasync.PgColumn;
import io.pgasync.codec.Codec;
import io.pgasync.codec.Format;
import io.pgasync.exception.PgProtocolException;
import io.pgasync.internal.codec.SessionCodecs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a result and how each is decoded: shared by every row of a statement, so rows carry only their
 * values. Built once per prepared statement (the result format of each column is chosen here: binary when the
 * column type's codec supports it).
 */
final class RowDescription {

    final List<PgColumn> columns;
    final Codec<?>[] codecs;
    final Format[] formats;
    /** The connection's JSON mapper, for reading json columns as a caller's class; null when none. */
    io.pgasync.codec.PgJsonMapper jsonMapper;
    /** The connection's codecs version ({@link SessionCodecs#version()}) the decoders were chosen with. */
    int codecVersion;
    private final Map<String, Integer> indexByName;

    private RowDescription(List<PgColumn> columns, Codec<?>[] codecs, Format[] formats) {
        this.columns = columns;
        this.codecs = codecs;
        this.formats = formats;
        Map<String, Integer> byName = new HashMap<>(columns.size() * 2);
        for (int i = columns.size() - 1; i >= 0; i--) { // the first column of a duplicated name wins
            byName.put(columns.get(i).name(), i);
        }
        this.indexByName = byName;
    }

    int size() {
        return codecs.length;
    }

    /**
     * Reads a RowDescription message.
     *
     * @param in the message body
     * @param registry codecs, to pick each column's decoder and format
     * @param textOnly whether every column arrives as text (simple query protocol)
     */
    static RowDescription read(ByteBuf in, SessionCodecs registry, boolean textOnly) {
        int count = Wire.readShort(in, "RowDescription") & 0xffff;
        List<PgColumn> columns = new ArrayList<>(count);
        Codec<?>[] codecs = new Codec<?>[count];
        Format[] formats = new Format[count];
        for (int i = 0; i < count; i++) {
            String name = Wire.readCString(in);
            if (in.readableBytes() < 18) {
                throw new PgProtocolException("The server sent a truncated RowDescription");
            }
            int tableOid = in.readInt();
            int attribute = in.readShort();
            int typeOid = in.readInt();
            int typeSize = in.readShort();
            int typeModifier = in.readInt();
            in.readShort(); // format code: we choose the result formats ourselves in Bind
            Codec<?> codec = registry.decoderFor(typeOid);
            codecs[i] = codec;
            formats[i] = textOnly ? Format.TEXT : registry.resultFormat(typeOid);
            columns.add(new PgColumn(name, i, typeOid, registry.typeName(typeOid), typeModifier, typeSize,
                    tableOid, attribute));
        }
        RowDescription description = new RowDescription(Collections.unmodifiableList(columns), codecs, formats);
        description.codecVersion = registry.version();
        description.jsonMapper = registry.jsonMapper();
        return description;
    }

    /** The type OID of each column, for introspection. */
    int[] typeOids() {
        int[] oids = new int[columns.size()];
        for (int i = 0; i < oids.length; i++) {
            oids[i] = columns.get(i).typeOid();
        }
        return oids;
    }

    /**
     * The same columns with decoders, formats and type names chosen again from the registry: after introspection
     * found codecs for types that had none.
     *
     * @param registry the connection's codecs
     * @param textOnly whether every column arrives as text (simple query protocol)
     */
    RowDescription rebind(SessionCodecs registry, boolean textOnly) {
        int count = columns.size();
        List<PgColumn> rebound = new ArrayList<>(count);
        Codec<?>[] newCodecs = new Codec<?>[count];
        Format[] newFormats = new Format[count];
        for (int i = 0; i < count; i++) {
            PgColumn c = columns.get(i);
            int typeOid = c.typeOid();
            newCodecs[i] = registry.decoderFor(typeOid);
            newFormats[i] = textOnly ? Format.TEXT : registry.resultFormat(typeOid);
            rebound.add(new PgColumn(c.name(), c.index(), typeOid, registry.typeName(typeOid), c.typeModifier(),
                    c.typeSize(), c.tableOid(), c.tableColumn()));
        }
        RowDescription description = new RowDescription(Collections.unmodifiableList(rebound), newCodecs, newFormats);
        description.codecVersion = registry.version();
        description.jsonMapper = registry.jsonMapper();
        return description;
    }

    int indexOf(String name) {
        Integer index = indexByName.get(name);
        if (index == null) {
            List<String> names = new ArrayList<>(columns.size());
            for (PgColumn c : columns) {
                names.add(c.name());
            }
            throw new IllegalArgumentException("No column named \"" + name + "\"; the columns are " + names);
        }
        return index;
    }

    boolean hasColumn(String name) {
        return indexByName.containsKey(name);
    }

    /** Whether all result columns use one format (so Bind can send a single result format code). */
    Format uniformFormat() {
        if (formats.length == 0) {
            return Format.TEXT;
        }
        Format first = formats[0];
        for (Format f : formats) {
            if (f != first) {
                return null;
            }
        }
        return first;
    }
}
