package io.pgasync.spring.boot.autoconfigure.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations pgasync makes, with OpenTelemetry's database semantic conventions (version 1.33; they are not
 * stable yet).
 */
public enum PgObservationDocumentation implements ObservationDocumentation {

    /** One query (statement) run on a connection: observation {@code db.client.operation}. */
    QUERY {
        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultPgQueryObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return LowCardinalityKeys.values();
        }

        @Override
        public KeyName[] getHighCardinalityKeyNames() {
            return HighCardinalityKeys.values();
        }
    };

    /** Tags with a bounded set of values (they become meter tags). */
    public enum LowCardinalityKeys implements KeyName {
        /** Always {@code postgresql}. */
        DB_SYSTEM_NAME {
            @Override
            public String asString() {
                return "db.system.name";
            }
        },
        /** The database name. */
        DB_NAMESPACE {
            @Override
            public String asString() {
                return "db.namespace";
            }
        },
        /** The SQL command (SELECT, INSERT, ..., or OTHER). */
        DB_OPERATION_NAME {
            @Override
            public String asString() {
                return "db.operation.name";
            }
        },
        /** The server host. */
        SERVER_ADDRESS {
            @Override
            public String asString() {
                return "server.address";
            }
        },
        /** The server port. */
        SERVER_PORT {
            @Override
            public String asString() {
                return "server.port";
            }
        },
        /** The SQLSTATE of a server error, or {@code none}. */
        DB_RESPONSE_STATUS_CODE {
            @Override
            public String asString() {
                return "db.response.status_code";
            }
        }
    }

    /** Tags with unbounded values (only on spans and logs, never on meters); opt-in. */
    public enum HighCardinalityKeys implements KeyName {
        /** The SQL text ({@code pgasync.observation.include-query-text=true}); never parameter values. */
        DB_QUERY_TEXT {
            @Override
            public String asString() {
                return "db.query.text";
            }
        }
    }
}
