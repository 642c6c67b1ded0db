package io.pgasync.exception;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PgServerException#of(PgErrorFields)} (the generated factory), {@link SqlState} and the messages. */
class PgServerExceptionsTest {

    private static PgErrorFields fields(String sqlState) {
        return fields(sqlState, null);
    }

    private static PgErrorFields fields(String sqlState, String routine) {
        Map<Character, String> m = new HashMap<>();
        m.put('V', "ERROR");
        m.put('M', "something failed");
        if (sqlState != null) {
            m.put('C', sqlState);
        }
        if (routine != null) {
            m.put('R', routine);
        }
        return PgErrorFields.of(m, false);
    }

    static Stream<Arguments> leaves() {
        return Stream.of(
                Arguments.of("23505", UniqueViolationException.class, IntegrityConstraintViolationException.class),
                Arguments.of("23503", ForeignKeyViolationException.class, IntegrityConstraintViolationException.class),
                Arguments.of("23502", NotNullViolationException.class, IntegrityConstraintViolationException.class),
                Arguments.of("23514", CheckViolationException.class, IntegrityConstraintViolationException.class),
                Arguments.of("23P01", ExclusionViolationException.class, IntegrityConstraintViolationException.class),
                Arguments.of("40001", SerializationFailureException.class, TransactionRollbackException.class),
                Arguments.of("40P01", DeadlockDetectedException.class, TransactionRollbackException.class),
                Arguments.of("57014", QueryCanceledException.class, OperatorInterventionException.class),
                Arguments.of("57P01", AdminShutdownException.class, OperatorInterventionException.class),
                Arguments.of("57P03", CannotConnectNowException.class, OperatorInterventionException.class),
                Arguments.of("28P01", InvalidPasswordException.class,
                        InvalidAuthorizationSpecificationException.class),
                Arguments.of("26000", InvalidSqlStatementNameException.class, PgServerException.class),
                Arguments.of("25006", ReadOnlySqlTransactionException.class, InvalidTransactionStateException.class),
                Arguments.of("25P02", InFailedSqlTransactionException.class, InvalidTransactionStateException.class),
                Arguments.of("25P03", IdleInTransactionSessionTimeoutException.class,
                        InvalidTransactionStateException.class),
                Arguments.of("55P03", LockNotAvailableException.class, ObjectNotInPrerequisiteStateException.class),
                Arguments.of("53300", TooManyConnectionsException.class, InsufficientResourcesException.class),
                Arguments.of("42501", InsufficientPrivilegeException.class,
                        SyntaxErrorOrAccessRuleViolationException.class),
                Arguments.of("42601", SyntaxErrorException.class, SyntaxErrorOrAccessRuleViolationException.class),
                Arguments.of("42P01", UndefinedTableException.class, SyntaxErrorOrAccessRuleViolationException.class),
                Arguments.of("42703", UndefinedColumnException.class, SyntaxErrorOrAccessRuleViolationException.class),
                Arguments.of("42883", UndefinedFunctionException.class,
                        SyntaxErrorOrAccessRuleViolationException.class),
                Arguments.of("42704", UndefinedObjectException.class, SyntaxErrorOrAccessRuleViolationException.class),
                Arguments.of("42P07", DuplicateTableException.class, SyntaxErrorOrAccessRuleViolationException.class),
                Arguments.of("42710", DuplicateObjectException.class, SyntaxErrorOrAccessRuleViolationException.class),
                Arguments.of("22P02", InvalidTextRepresentationException.class, DataException.class),
                Arguments.of("22003", NumericValueOutOfRangeException.class, DataException.class),
                Arguments.of("22012", DivisionByZeroException.class, DataException.class),
                Arguments.of("22001", StringDataRightTruncationException.class, DataException.class),
                Arguments.of("P0001", RaiseException.class, PlpgsqlErrorException.class),
                Arguments.of("25P04", TransactionTimeoutException.class, InvalidTransactionStateException.class),
                Arguments.of("57P05", IdleSessionTimeoutException.class, OperatorInterventionException.class));
    }

    @ParameterizedTest
    @MethodSource("leaves")
    void leafCodeMapsToItsOwnClassUnderItsSectionClass(String code, Class<?> leaf, Class<?> section) {
        PgServerException e = PgServerException.of(fields(code));
        assertThat(e).isExactlyInstanceOf(leaf).isInstanceOf(section);
        assertThat(leaf.getSuperclass()).isEqualTo(section);
        assertThat(e.getSqlState()).isEqualTo(code);
        assertThat(e.getSqlStateEnum()).isNotNull();
        assertThat(e.getSqlStateEnum().code()).isEqualTo(code);
    }

    @Test
    void unlistedCodeOfAKnownClassFallsBackToTheSectionClass() {
        assertThat(PgServerException.of(fields("23001")))
                .isExactlyInstanceOf(IntegrityConstraintViolationException.class);
        assertThat(PgServerException.of(fields("42P20"))).isExactlyInstanceOf(
                SyntaxErrorOrAccessRuleViolationException.class);
        assertThat(PgServerException.of(fields("08006"))).isExactlyInstanceOf(ConnectionException.class);
        assertThat(PgServerException.of(fields("XX001"))).isExactlyInstanceOf(InternalErrorException.class);
    }

    @Test
    void codeUnknownToThisVersionInAKnownClassFallsBackToTheSectionClass() {
        PgServerException e = PgServerException.of(fields("23Q99"));
        assertThat(e).isExactlyInstanceOf(IntegrityConstraintViolationException.class);
        assertThat(e.getSqlState()).isEqualTo("23Q99");
        assertThat(e.getSqlStateEnum()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999", "ZZ000", "00000", "01000", "02000", "2350", "235050", "", "23"})
    void unknownClassNonErrorClassOrMalformedCodeGivesPlainServerException(String code) {
        assertThat(PgServerException.of(fields(code))).isExactlyInstanceOf(PgServerException.class);
    }

    @Test
    void missingSqlStateGivesPlainServerException() {
        PgServerException e = PgServerException.of(fields(null));
        assertThat(e).isExactlyInstanceOf(PgServerException.class);
        assertThat(e.getSqlState()).isNull();
        assertThat(e.getSqlStateEnum()).isNull();
        assertThat(e.isTransient()).isFalse();
    }

    @Test
    void invalidCachedStatementNeedsTheRevalidateCachedQueryRoutine() {
        assertThat(PgServerException.of(fields("0A000", "RevalidateCachedQuery")))
                .isExactlyInstanceOf(InvalidCachedStatementException.class)
                .isInstanceOf(FeatureNotSupportedException.class);
        assertThat(PgServerException.of(fields("0A000"))).isExactlyInstanceOf(FeatureNotSupportedException.class);
        assertThat(PgServerException.of(fields("0A000", "transformSelectStmt")))
                .isExactlyInstanceOf(FeatureNotSupportedException.class);
        assertThat(PgServerException.of(fields("42P01", "RevalidateCachedQuery")))
                .isExactlyInstanceOf(UndefinedTableException.class);
    }

    @Test
    void everyErrorCodeOfTheEnumGetsASpecificClassAndKeepsItsCode() {
        for (SqlState s : SqlState.values()) {
            PgServerException e = PgServerException.of(fields(s.code()));
            assertThat(e.getSqlStateEnum()).as(s.code()).isSameAs(s);
            boolean nonError = s.sqlClass().equals("00") || s.sqlClass().equals("01") || s.sqlClass().equals("02");
            if (nonError) {
                assertThat(e).as(s.code()).isExactlyInstanceOf(PgServerException.class);
            } else {
                assertThat(e.getClass()).as(s.code()).isNotEqualTo(PgServerException.class);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"40001", "40P01", "08000", "08006", "08P01", "08Q99"})
    void serializationFailureDeadlockAndConnectionExceptionsAreTransient(String code) {
        assertThat(PgServerException.of(fields(code)).isTransient()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"40000", "40002", "23505", "57014", "57P01", "25P02", "42601", "XX000", "99999"})
    void otherCodesAreNotTransient(String code) {
        assertThat(PgServerException.of(fields(code)).isTransient()).isFalse();
    }

    @Test
    void enumTransienceAgreesWithTheException() {
        Set<SqlState> transientStates = new HashSet<>();
        for (SqlState s : SqlState.values()) {
            assertThat(s.isTransient()).as(s.code()).isEqualTo(PgServerException.of(fields(s.code())).isTransient());
            if (s.isTransient()) {
                transientStates.add(s);
            }
        }
        assertThat(transientStates).contains(SqlState.SERIALIZATION_FAILURE, SqlState.DEADLOCK_DETECTED,
                SqlState.CONNECTION_FAILURE, SqlState.PROTOCOL_VIOLATION);
        assertThat(transientStates).allMatch(s -> s.sqlClass().equals("08") || s.code().startsWith("40"));
        assertThat(transientStates).hasSize(9); // 7 codes in class 08, 40001, 40P01
    }

    @Test
    void fromCodeFindsEveryConstantAndNothingElse() {
        Set<String> codes = new HashSet<>();
        for (SqlState s : SqlState.values()) {
            assertThat(codes.add(s.code())).as("duplicate code " + s.code()).isTrue();
            assertThat(SqlState.fromCode(s.code())).isSameAs(s);
            assertThat(s.code()).hasSize(5).startsWith(s.sqlClass());
            assertThat(s.sqlClass()).hasSize(2);
        }
        assertThat(SqlState.fromCode("23505")).isSameAs(SqlState.UNIQUE_VIOLATION);
        assertThat(SqlState.fromCode(null)).isNull();
        assertThat(SqlState.fromCode("")).isNull();
        assertThat(SqlState.fromCode("99999")).isNull();
        assertThat(SqlState.fromCode("0a000")).isNull();
        assertThat(SqlState.fromCode("23505 ")).isNull();
    }

    @Test
    void constantsCarryCodeConditionNameAndClass() {
        assertThat(SqlState.UNIQUE_VIOLATION.code()).isEqualTo("23505");
        assertThat(SqlState.UNIQUE_VIOLATION.conditionName()).isEqualTo("unique_violation");
        assertThat(SqlState.UNIQUE_VIOLATION.sqlClass()).isEqualTo("23");
        assertThat(SqlState.INVALID_SQL_STATEMENT_NAME.code()).isEqualTo("26000");
        assertThat(SqlState.FEATURE_NOT_SUPPORTED.code()).isEqualTo("0A000");
        assertThat(SqlState.SUCCESSFUL_COMPLETION.code()).isEqualTo("00000");
        // an alias line (2202E array_element_error) does not replace the named code
        assertThat(SqlState.fromCode("2202E")).isSameAs(SqlState.ARRAY_SUBSCRIPT_ERROR);
    }

    @Test
    void repeatedConditionNamesAreDisambiguatedByClass() {
        assertThat(SqlState.STRING_DATA_RIGHT_TRUNCATION.code()).isEqualTo("22001");
        assertThat(SqlState.WARNING_STRING_DATA_RIGHT_TRUNCATION.code()).isEqualTo("01004");
        assertThat(SqlState.WARNING_STRING_DATA_RIGHT_TRUNCATION.conditionName())
                .isEqualTo("string_data_right_truncation");
        assertThat(SqlState.NULL_VALUE_NOT_ALLOWED.code()).isEqualTo("22004");
        assertThat(SqlState.EXTERNAL_ROUTINE_INVOCATION_EXCEPTION_NULL_VALUE_NOT_ALLOWED.code()).isEqualTo("39004");
        assertThat(SqlState.MODIFYING_SQL_DATA_NOT_PERMITTED.code()).isEqualTo("2F002");
        assertThat(SqlState.EXTERNAL_ROUTINE_EXCEPTION_MODIFYING_SQL_DATA_NOT_PERMITTED.code()).isEqualTo("38002");
    }

    // ------------------------------------------------------------------------------------------ messages

    private static PgErrorFields fullFields(boolean detailInMessage) {
        Map<Character, String> m = new HashMap<>();
        m.put('S', "FEHLER");
        m.put('V', "ERROR");
        m.put('C', "23505");
        m.put('M', "duplicate key value violates unique constraint \"users_email_key\"");
        m.put('D', "Key (email)=(alice@example.com) already exists.");
        m.put('H', "use another address");
        m.put('P', "15");
        m.put('W', "SQL function \"add_user\" statement 1 row-value-secret");
        m.put('q', "internal-query-secret");
        m.put('s', "schema-field-value");
        m.put('t', "table-field-value");
        m.put('c', "column-field-value");
        m.put('d', "datatype-field-value");
        m.put('n', "constraint-field-value");
        m.put('F', "nbtinsert.c");
        m.put('L', "666");
        m.put('R', "_bt_check_unique");
        return PgErrorFields.of(m, detailInMessage);
    }

    @Test
    void messageHasSeverityMessageAndSqlStateButNoDetailByDefault() {
        PgServerException e = PgServerException.of(fullFields(false));
        assertThat(e).isExactlyInstanceOf(UniqueViolationException.class);
        assertThat(e.getMessage())
                .startsWith("ERROR: duplicate key value violates unique constraint \"users_email_key\"")
                .contains("SQLSTATE 23505")
                .contains("use another address")
                .doesNotContain("FEHLER")
                .doesNotContain("alice@example.com")
                .doesNotContain("row-value-secret");
        assertThat(e.getDetail()).isEqualTo("Key (email)=(alice@example.com) already exists.");
    }

    @Test
    void messageHasDetailAndWhereOnlyWhenAllowed() {
        PgServerException e = PgServerException.of(fullFields(true));
        assertThat(e.getMessage())
                .contains("ERROR: duplicate key value")
                .contains("SQLSTATE 23505")
                .contains("Key (email)=(alice@example.com) already exists.")
                .contains("row-value-secret");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void messageNeverHasInternalQueryObjectNamesOrServerSourceLocation(boolean detailInMessage) {
        PgServerException e = PgServerException.of(fullFields(detailInMessage));
        assertThat(e.getMessage())
                .doesNotContain("internal-query-secret")
                .doesNotContain("schema-field-value")
                .doesNotContain("table-field-value")
                .doesNotContain("column-field-value")
                .doesNotContain("datatype-field-value")
                .doesNotContain("constraint-field-value")
                .doesNotContain("nbtinsert.c")
                .doesNotContain("666")
                .doesNotContain("_bt_check_unique");
        assertThat(e.toString()).doesNotContain("internal-query-secret").doesNotContain("_bt_check_unique");
    }

    @Test
    void fieldsAreAvailableThroughTheGetters() {
        PgServerException e = PgServerException.of(fullFields(false));
        assertThat(e.getSeverity()).isEqualTo("ERROR");
        assertThat(e.getServerMessage()).startsWith("duplicate key value");
        assertThat(e.getHint()).isEqualTo("use another address");
        assertThat(e.getPosition()).isEqualTo(15);
        assertThat(e.getSchemaName()).isEqualTo("schema-field-value");
        assertThat(e.getTableName()).isEqualTo("table-field-value");
        assertThat(e.getColumnName()).isEqualTo("column-field-value");
        assertThat(e.getDataTypeName()).isEqualTo("datatype-field-value");
        assertThat(e.getConstraintName()).isEqualTo("constraint-field-value");
        assertThat(e.getRoutine()).isEqualTo("_bt_check_unique");
        assertThat(e.getFields().line()).isEqualTo(666);
    }
}
