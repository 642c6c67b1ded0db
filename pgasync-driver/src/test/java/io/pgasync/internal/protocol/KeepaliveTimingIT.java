package io.pgasync.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.socket.nio.NioChannelOption;
import io.pgasync.PgConnection;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.util.concurrent.TimeUnit;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.Test;

/** libpq's keep-alive timing keywords reach the socket, on epoll and on NIO. */
@PgTest
class KeepaliveTimingIT {

    private static PgConnectionImpl connect(PgTestServer server, String extra) throws Exception {
        String dsn = server.url(server.mainRole()) + "?sslmode=disable&keepalives_idle=37&keepalives_interval=7"
                + "&keepalives_count=3&tcp_user_timeout=12000" + extra;
        return (PgConnectionImpl) PgConnection.connect(dsn).get(30, TimeUnit.SECONDS);
    }

    @Test
    void theTimingIsSetOnAnEpollSocket(PgTestServer server) throws Exception {
        PgConnectionImpl conn = connect(server, "");
        try {
            assertThat(conn.channel.getClass().getSimpleName()).isEqualTo("EpollSocketChannel");
            assertThat(conn.channel.config().getOption(EpollChannelOption.TCP_KEEPIDLE)).isEqualTo(37);
            assertThat(conn.channel.config().getOption(EpollChannelOption.TCP_KEEPINTVL)).isEqualTo(7);
            assertThat(conn.channel.config().getOption(EpollChannelOption.TCP_KEEPCNT)).isEqualTo(3);
            assertThat(conn.channel.config().getOption(EpollChannelOption.TCP_USER_TIMEOUT)).isEqualTo(12000);
            assertThat(conn.fetchVal("SELECT 1").get(30, TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            conn.close().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void theKeepaliveTimingIsSetOnANioSocket(PgTestServer server) throws Exception {
        PgConnectionImpl conn = connect(server, "&nativeTransport=false");
        try {
            assertThat(conn.channel.getClass().getSimpleName()).isEqualTo("NioSocketChannel");
            assertThat(conn.channel.config().getOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPIDLE)))
                    .isEqualTo(37);
            assertThat(conn.channel.config().getOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPINTERVAL)))
                    .isEqualTo(7);
            assertThat(conn.channel.config().getOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPCOUNT)))
                    .isEqualTo(3);
            assertThat(conn.fetchVal("SELECT 1").get(30, TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            conn.close().get(30, TimeUnit.SECONDS);
        }
    }
}
