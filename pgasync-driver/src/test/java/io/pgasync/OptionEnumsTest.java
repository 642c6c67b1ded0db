package io.pgasync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgasync.exception.PgConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The libpq keyword of every option value, both ways. */
class OptionEnumsTest {

    @Test
    void sslModeKeywords() {
        assertThat(List.of(SslMode.values())).extracting(SslMode::keyword)
                .containsExactly("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
        for (SslMode m : SslMode.values()) {
            assertThat(SslMode.fromKeyword(m.keyword())).isEqualTo(m);
            assertThat(SslMode.fromKeyword(m.keyword().toUpperCase())).isEqualTo(m);
        }
        assertThat(SslMode.REQUIRE.requiresTls()).isTrue();
        assertThat(SslMode.PREFER.requiresTls()).isFalse();
        assertThat(SslMode.VERIFY_CA.verifiesCertificate()).isTrue();
        assertThat(SslMode.REQUIRE.verifiesCertificate()).isFalse();
        assertThatThrownBy(() -> SslMode.fromKeyword("on")).isInstanceOf(PgConfigurationException.class)
                .hasMessageContaining("sslmode").hasMessageContaining("\"on\"").hasMessageContaining("verify-full");
    }

    @Test
    void otherEnumKeywords() {
        assertThat(List.of(SslNegotiation.values())).extracting(SslNegotiation::keyword)
                .containsExactly("postgres", "direct");
        assertThat(List.of(ChannelBinding.values())).extracting(ChannelBinding::keyword)
                .containsExactly("disable", "prefer", "require");
        assertThat(List.of(TargetSessionAttrs.values())).extracting(TargetSessionAttrs::keyword)
                .containsExactly("any", "read-write", "read-only", "primary", "standby", "prefer-standby");
        assertThat(List.of(LoadBalanceHosts.values())).extracting(LoadBalanceHosts::keyword)
                .containsExactly("disable", "random");
        assertThat(List.of(GssEncMode.values())).extracting(GssEncMode::keyword)
                .containsExactly("disable", "prefer", "require");
        assertThat(List.of(AuthenticationMethod.values())).extracting(AuthenticationMethod::keyword)
                .containsExactly("password", "md5", "scram-sha-256", "gss", "sspi", "none");
        for (SslNegotiation v : SslNegotiation.values()) {
            assertThat(SslNegotiation.fromKeyword(v.keyword())).isEqualTo(v);
        }
        for (ChannelBinding v : ChannelBinding.values()) {
            assertThat(ChannelBinding.fromKeyword(v.keyword())).isEqualTo(v);
        }
        for (TargetSessionAttrs v : TargetSessionAttrs.values()) {
            assertThat(TargetSessionAttrs.fromKeyword(v.keyword())).isEqualTo(v);
        }
        for (LoadBalanceHosts v : LoadBalanceHosts.values()) {
            assertThat(LoadBalanceHosts.fromKeyword(v.keyword())).isEqualTo(v);
        }
        for (GssEncMode v : GssEncMode.values()) {
            assertThat(GssEncMode.fromKeyword(v.keyword())).isEqualTo(v);
        }
        for (AuthenticationMethod v : AuthenticationMethod.values()) {
            assertThat(AuthenticationMethod.fromKeyword(v.keyword())).isEqualTo(v);
        }
    }

    @Test
    void unknownKeywordsNameTheOptionAndTheAcceptedValues() {
        assertThatThrownBy(() -> SslNegotiation.fromKeyword("x")).hasMessageContaining("sslnegotiation")
                .hasMessageContaining("postgres or direct");
        assertThatThrownBy(() -> ChannelBinding.fromKeyword("x")).hasMessageContaining("channel_binding");
        assertThatThrownBy(() -> TargetSessionAttrs.fromKeyword("x")).hasMessageContaining("prefer-standby");
        assertThatThrownBy(() -> LoadBalanceHosts.fromKeyword("x")).hasMessageContaining("random");
        assertThatThrownBy(() -> GssEncMode.fromKeyword("allow")).hasMessageContaining("gssencmode");
        assertThatThrownBy(() -> AuthenticationMethod.fromKeyword("x")).hasMessageContaining("require_auth");
        assertThatThrownBy(() -> SslMode.fromKeyword(null)).isInstanceOf(PgConfigurationException.class);
    }
}
