package io.pgasync.exception;

/**
 * An error the server reported (ErrorResponse), with all its fields.
 *
 * <p>Subclasses follow PostgreSQL's SQLSTATE classes ({@code errcodes.txt}): one per class, such as
 * {@link IntegrityConstraintViolationException} for 23xxx, and leaf classes for the conditions applications
 * catch, such as {@link UniqueViolationException}. {@link #of(PgErrorFields)} picks the most specific one.
 * Match on the class or on {@link #getSqlState()}, never on the message text, which the server localizes.
 */
public class PgServerException extends PgException {

    private static final long serialVersionUID = 1L;

    private final transient PgErrorFields fields;
    private final String sqlState;

    /**
     * Creates an exception from the server's fields.
     *
     * @param fields the ErrorResponse fields
     */
    public PgServerException(PgErrorFields fields) {
        super(fields.render(), null);
        this.fields = fields;
        this.sqlState = fields.sqlState();
    }

    /**
     * Creates the most specific exception for the SQLSTATE in the fields.
     *
     * @param fields the ErrorResponse fields
     * @return the exception
     */
    public static PgServerException of(PgErrorFields fields) {
        return PgServerExceptions.create(fields);
    }

    /**
     * All fields of the ErrorResponse.
     *
     * @return the fields
     */
    public PgErrorFields getFields() {
        return fields;
    }

    /**
     * The SQLSTATE code, e.g. {@code 23505}.
     *
     * @return the code, or null when the server sent none
     */
    public String getSqlState() {
        return sqlState;
    }

    /**
     * The SQLSTATE as an enum constant.
     *
     * @return the constant, or null for a code this version of pgasync does not know
     */
    public SqlState getSqlStateEnum() {
        return SqlState.fromCode(sqlState);
    }

    /**
     * The severity: ERROR, FATAL or PANIC.
     *
     * @return the severity
     */
    public String getSeverity() {
        return fields.severity();
    }

    /**
     * The server's primary message, without severity, SQLSTATE or detail.
     *
     * @return the message
     */
    public String getServerMessage() {
        return fields.message();
    }

    /**
     * The detail; may contain row values.
     *
     * @return the detail, or null
     */
    public String getDetail() {
        return fields.detail();
    }

    /**
     * The hint.
     *
     * @return the hint, or null
     */
    public String getHint() {
        return fields.hint();
    }

    /**
     * The 1-based character position in the query.
     *
     * @return the position, or 0
     */
    public int getPosition() {
        return fields.position();
    }

    /**
     * The context ({@code WHERE}).
     *
     * @return the context, or null
     */
    public String getWhere() {
        return fields.where();
    }

    /**
     * The schema name.
     *
     * @return the schema, or null
     */
    public String getSchemaName() {
        return fields.schema();
    }

    /**
     * The table name.
     *
     * @return the table, or null
     */
    public String getTableName() {
        return fields.table();
    }

    /**
     * The column name.
     *
     * @return the column, or null
     */
    public String getColumnName() {
        return fields.column();
    }

    /**
     * The data type name.
     *
     * @return the type, or null
     */
    public String getDataTypeName() {
        return fields.dataType();
    }

    /**
     * The constraint name.
     *
     * @return the constraint, or null
     */
    public String getConstraintName() {
        return fields.constraint();
    }

    /**
     * The server routine that raised the error.
     *
     * @return the routine, or null
     */
    public String getRoutine() {
        return fields.routine();
    }

    /**
     * True for serialization failures (40001), deadlocks (40P01) and connection exceptions (class 08):
     * retrying the transaction may succeed.
     */
    @Override
    public boolean isTransient() {
        return sqlState != null
                && (sqlState.equals("40001") || sqlState.equals("40P01") || sqlState.startsWith("08"));
    }
}
