package io.pgasync;

import static io.pgasync.AuthenticationMethod.GSS;
import static io.pgasync.AuthenticationMethod.MD5;
import static io.pgasync.AuthenticationMethod.NONE;
import static io.pgasync.AuthenticationMethod.PASSWORD;
import static io.pgasync.AuthenticationMethod.SCRAM_SHA_256;
import static io.pgasync.AuthenticationMethod.SSPI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgasync.exception.PgConfigurationException;
import org.junit.jupiter.api.Test;

class RequireAuthTest {

    @Test
    void anyAllowsEverythingIncludingNoAuthentication() {
        RequireAuth any = RequireAuth.any();
        for (AuthenticationMethod m : AuthenticationMethod.values()) {
            assertThat(any.allows(m)).as(m.keyword()).isTrue();
        }
        assertThat(any.isUnrestricted()).isTrue();
        assertThat(any.keyword()).isEmpty();
        assertThat(any).hasToString("any");
        assertThat(RequireAuth.parse(null)).isEqualTo(any);
        assertThat(RequireAuth.parse("")).isEqualTo(any);
    }

    @Test
    void positiveListAllowsOnlyItsMethods() {
        RequireAuth scram = RequireAuth.parse("scram-sha-256");
        assertThat(scram.allows(SCRAM_SHA_256)).isTrue();
        assertThat(scram.allows(PASSWORD)).isFalse();
        assertThat(scram.allows(MD5)).isFalse();
        assertThat(scram.allows(NONE)).as("a server that skips authentication is refused").isFalse();
        assertThat(scram.isNegated()).isFalse();
        assertThat(scram.isUnrestricted()).isFalse();
        assertThat(scram.methods()).containsExactly(SCRAM_SHA_256);

        RequireAuth withNone = RequireAuth.parse("scram-sha-256,none");
        assertThat(withNone.allows(NONE)).isTrue();
        assertThat(withNone.keyword()).isEqualTo("scram-sha-256,none");
    }

    @Test
    void negatedListRefusesOnlyItsMethods() {
        RequireAuth r = RequireAuth.parse("!password,!md5");
        assertThat(r.allows(PASSWORD)).isFalse();
        assertThat(r.allows(MD5)).isFalse();
        assertThat(r.allows(SCRAM_SHA_256)).isTrue();
        assertThat(r.allows(GSS)).isTrue();
        assertThat(r.allows(NONE)).isTrue();
        assertThat(r.keyword()).isEqualTo("!password,!md5");
        assertThat(RequireAuth.parse("!none").allows(NONE)).isFalse();
        assertThat(RequireAuth.parse("!none").allows(SSPI)).isTrue();
    }

    @Test
    void factoriesMatchTheParser() {
        assertThat(RequireAuth.only(SCRAM_SHA_256, NONE)).isEqualTo(RequireAuth.parse("none,scram-sha-256"));
        assertThat(RequireAuth.allExcept(PASSWORD)).isEqualTo(RequireAuth.parse("!password"));
        assertThat(RequireAuth.only(SCRAM_SHA_256)).isNotEqualTo(RequireAuth.allExcept(SCRAM_SHA_256));
        assertThat(RequireAuth.only(MD5).hashCode()).isEqualTo(RequireAuth.parse("md5").hashCode());
    }

    @Test
    void whitespaceAndCaseAreTolerated() {
        assertThat(RequireAuth.parse(" SCRAM-SHA-256 , none")).isEqualTo(RequireAuth.only(SCRAM_SHA_256, NONE));
    }

    @Test
    void errorsFollowLibpq() {
        assertThatThrownBy(() -> RequireAuth.parse("md5,!password")).isInstanceOf(PgConfigurationException.class)
                .hasMessageContaining("mixed");
        assertThatThrownBy(() -> RequireAuth.parse("!md5,password")).hasMessageContaining("mixed");
        assertThatThrownBy(() -> RequireAuth.parse("md5,md5")).hasMessageContaining("more than once");
        assertThatThrownBy(() -> RequireAuth.parse("!none,!none")).hasMessageContaining("more than once");
        assertThatThrownBy(() -> RequireAuth.parse("kerberos")).hasMessageContaining("\"kerberos\"")
                .hasMessageContaining("scram-sha-256");
        assertThatThrownBy(() -> RequireAuth.parse("md5,")).isInstanceOf(PgConfigurationException.class);
        assertThatThrownBy(() -> RequireAuth.only(MD5, MD5)).hasMessageContaining("more than once");
        assertThat(catchKey(() -> RequireAuth.parse("x"))).isEqualTo("require_auth");
    }

    private static String catchKey(Runnable r) {
        try {
            r.run();
            return null;
        } catch (PgConfigurationException e) {
            return e.getKey();
        }
    }
}
