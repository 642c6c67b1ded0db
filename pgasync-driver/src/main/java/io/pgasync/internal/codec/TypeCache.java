package io.pgasync.internal.codec;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalog facts introspection found ({@link TypeInfo} by OID), and the OIDs it looked for and did not find.
 * Thread-safe, and free of anything connection-specific, so the connections of one pool (one database) may
 * share one instance: a type introspected by any of them is then known to all. {@link #clear()}
 * ({@code reloadSchemaState()}) forgets everything.
 */
public final class TypeCache {

    private final Map<Integer, TypeInfo> types = new ConcurrentHashMap<>();
    private final Set<Integer> missing = ConcurrentHashMap.newKeySet();
    private volatile long generation;

    /**
     * What is known about a type.
     *
     * @param oid the type OID
     * @return the info, or null
     */
    public TypeInfo get(int oid) {
        return types.isEmpty() ? null : types.get(oid);
    }

    /**
     * Whether introspection looked for the type and the catalog did not have it (it was dropped): it is not
     * looked up again until {@link #clear()}.
     *
     * @param oid the type OID
     * @return true when known to be missing
     */
    public boolean isMissing(int oid) {
        return !missing.isEmpty() && missing.contains(oid);
    }

    /**
     * Records the result of an introspection query.
     *
     * @param found the types found
     * @param requested the OIDs asked for; those not found are remembered as missing
     */
    public void add(Collection<TypeInfo> found, int[] requested) {
        for (TypeInfo info : found) {
            types.put(info.oid(), info);
        }
        for (int oid : requested) {
            if (!types.containsKey(oid)) {
                missing.add(oid);
            }
        }
    }

    /** Forgets every type (after DDL). */
    public void clear() {
        types.clear();
        missing.clear();
        generation++;
    }

    /**
     * Increases on every {@link #clear()}, so connections sharing the cache notice.
     *
     * @return the generation
     */
    public long generation() {
        return generation;
    }

    /**
     * The number of types known.
     *
     * @return the count
     */
    public int size() {
        return types.size();
    }
}
