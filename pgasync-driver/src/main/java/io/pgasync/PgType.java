package io.pgasync;

/**
 * A PostgreSQL data type, as a statement's parameter or a type the driver knows.
 *
 * @param oid the type OID
 * @param name the type name when known (built-in or introspected types), else null
 */
public record PgType(int oid, String name) {}
