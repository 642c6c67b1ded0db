package io.pgasync;

/**
 * A result column, as the server described it (RowDescription).
 *
 * @param name the column name (the output name: an alias, or the column's name)
 * @param index the 0-based position in the row
 * @param typeOid the OID of the column's data type
 * @param typeName the type's name when the driver knows it (built-in or introspected types), else null
 * @param typeModifier the type modifier ({@code atttypmod}; -1 when none), e.g. varchar length + 4
 * @param typeSize the type's size ({@code typlen}; negative for variable-length types)
 * @param tableOid the OID of the table the column comes from, or 0
 * @param tableColumn the attribute number of that table column, or 0
 */
public record PgColumn(String name, int index, int typeOid, String typeName, int typeModifier, int typeSize,
        int tableOid, int tableColumn) {}
