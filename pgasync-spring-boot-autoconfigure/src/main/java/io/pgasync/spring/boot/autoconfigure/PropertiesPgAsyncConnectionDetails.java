package io.pgasync.spring.boot.autoconfigure;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/** {@link PgAsyncConnectionDetails} read from {@link PgAsyncProperties}. */
final class PropertiesPgAsyncConnectionDetails implements PgAsyncConnectionDetails {

    private final PgAsyncProperties properties;
    private final SslBundles sslBundles;

    PropertiesPgAsyncConnectionDetails(PgAsyncProperties properties, SslBundles sslBundles) {
        this.properties = properties;
        this.sslBundles = sslBundles;
    }

    @Override
    public String getUrl() {
        return properties.getUrl();
    }

    @Override
    public String getHost() {
        return properties.getHost();
    }

    @Override
    public Integer getPort() {
        return properties.getPort();
    }

    @Override
    public String getDatabase() {
        return properties.getDatabase();
    }

    @Override
    public String getUsername() {
        return properties.getUsername();
    }

    @Override
    public String getPassword() {
        return properties.getPassword();
    }

    @Override
    public SslBundle getSslBundle() {
        String name = properties.getSsl().getBundle();
        if (name == null || name.isBlank()) {
            return null;
        }
        if (sslBundles == null) {
            throw new IllegalStateException("pgasync.ssl.bundle is set to '" + name + "' but no SslBundles bean"
                    + " exists: define the bundle under spring.ssl.bundle.pem." + name + " or spring.ssl.bundle.jks."
                    + name);
        }
        return sslBundles.getBundle(name);
    }

    @Override
    public String toString() {
        return "PropertiesPgAsyncConnectionDetails[" + properties + "]";
    }
}
