package org.springframework.boot.testcontainers.service.connection;

import java.lang.reflect.Field;
import org.testcontainers.containers.Container;

/** Test helper: Spring Boot's ContainerConnectionSource has a package-private constructor. */
public final class TestContainerConnectionSources {

    private TestContainerConnectionSources() {
    }

    /**
     * A source for a container held in an {@code @ServiceConnection}-annotated field.
     */
    public static <C extends Container<?>> ContainerConnectionSource<C> of(Field annotatedField, Class<C> type,
            String imageName, C container) {
        ServiceConnection annotation = annotatedField.getAnnotation(ServiceConnection.class);
        return new ContainerConnectionSource<>("test", new FieldOrigin(annotatedField), type, imageName, annotation,
                () -> container, null, null);
    }
}
