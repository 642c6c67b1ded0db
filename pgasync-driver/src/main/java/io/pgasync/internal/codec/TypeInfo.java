package io.pgasync.internal.codec;

import java.util.Arrays;

/**
 * What introspection learned about one type from the catalog ({@code pg_type} and friends): plain facts, shared
 * by every connection to the same database through a {@link TypeCache}; each connection builds its own codecs
 * from them.
 *
 * @param oid the type OID
 * @param name {@code typname}
 * @param schema the schema name
 * @param kind {@code typtype}: b base, c composite, d domain, e enum, p pseudo, r range, m multirange
 * @param elementOid the element type for an array type (a true array: {@code array_subscript_handler}), else 0
 * @param delimiter the text delimiter of the element type of an array ({@code typdelim})
 * @param baseOid the base type of a domain, else 0
 * @param rangeSubtype the subtype of a range, else 0
 * @param multirangeRange the range type of a multirange, else 0
 * @param attributeNames the attribute names of a composite type, in order; empty otherwise
 * @param attributeOids the attribute type OIDs of a composite type
 */
public record TypeInfo(int oid, String name, String schema, char kind, int elementOid, char delimiter, int baseOid,
        int rangeSubtype, int multirangeRange, String[] attributeNames, int[] attributeOids) {

    /** The OIDs this type is made of (element, base, subtype, range, attributes). */
    int[] dependencies() {
        int[] deps = Arrays.copyOf(attributeOids, attributeOids.length + 4);
        deps[attributeOids.length] = elementOid;
        deps[attributeOids.length + 1] = baseOid;
        deps[attributeOids.length + 2] = rangeSubtype;
        deps[attributeOids.length + 3] = multirangeRange;
        return deps;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TypeInfo t && t.oid == oid && t.name.equals(name) && t.schema.equals(schema)
                && t.kind == kind && t.elementOid == elementOid && t.delimiter == delimiter && t.baseOid == baseOid
                && t.rangeSubtype == rangeSubtype && t.multirangeRange == multirangeRange
                && Arrays.equals(t.attributeNames, attributeNames) && Arrays.equals(t.attributeOids, attributeOids);
    }

    @Override
    public int hashCode() {
        return oid;
    }

    @Override
    public String toString() {
        return "TypeInfo[" + schema + "." + name + ", oid " + Integer.toUnsignedString(oid) + ", kind " + kind + "]";
    }
}
