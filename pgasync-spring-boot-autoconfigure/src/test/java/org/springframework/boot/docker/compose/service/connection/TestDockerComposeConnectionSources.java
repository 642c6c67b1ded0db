package org.springframework.boot.docker.compose.service.connection;

import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.core.env.Environment;

/** Test helper: Spring Boot's DockerComposeConnectionSource has a package-private constructor. */
public final class TestDockerComposeConnectionSources {

    private TestDockerComposeConnectionSources() {
    }

    public static DockerComposeConnectionSource of(RunningService service, Environment environment) {
        return new DockerComposeConnectionSource(service, environment);
    }
}
