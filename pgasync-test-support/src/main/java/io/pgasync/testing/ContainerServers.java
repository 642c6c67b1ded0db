package io.pgasync.testing;

import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Starts a PostgreSQL container with Testcontainers ({@code PGASYNC_TEST_MODE=testcontainers}, where Docker
 * exists). Loaded only in that mode, so Testcontainers stays an optional dependency of the harness.
 */
final class ContainerServers {

    private ContainerServers() {}

    static ExternalServer start(String image) {
        PostgreSQLContainer container = new PostgreSQLContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
                .withDatabaseName(LocalCluster.DATABASE)
                .withUsername(LocalCluster.MAIN_ROLE)
                .withPassword("pgasync-" + Long.toHexString(System.nanoTime()));
        container.start();
        return new ExternalServer("container " + image, container.getHost(), container.getFirstMappedPort(),
                LocalCluster.DATABASE,
                new TestRole(container.getUsername(), container.getPassword(), AuthMethod.SCRAM_SHA_256, false),
                container::stop);
    }
}
