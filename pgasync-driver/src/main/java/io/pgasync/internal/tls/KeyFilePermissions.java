package io.pgasync.internal.tls;

import io.pgasync.exception.PgClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * libpq's rule for client private key files ({@code sslkey}), on POSIX file systems: the file must be a regular
 * file; owned by root it may have mode {@code u=rw,g=r} (0640) or less, otherwise {@code u=rw} (0600) or less.
 * Like libpq, the owner itself is not checked (a file we can read despite such a mode has the right owner or is
 * root's). File systems without POSIX permissions (Windows) are not checked, as in libpq.
 */
final class KeyFilePermissions {

    /** What a key file owned by root may not have: group write/execute, any access for others. */
    private static final Set<PosixFilePermission> FORBIDDEN_FOR_ROOT = EnumSet.of(
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /** What any other key file may not have: any access for group or others. */
    private static final Set<PosixFilePermission> FORBIDDEN = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private KeyFilePermissions() {}

    /**
     * Checks a private key file against libpq's rule.
     *
     * @param key the key file
     * @throws PgClientException when the file is missing, not a regular file, or readable by group or others,
     *     with the {@code chmod} that fixes it
     */
    static void check(Path key) {
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(key, PosixFileAttributes.class);
        } catch (UnsupportedOperationException e) {
            return; // no POSIX permissions here (Windows): libpq does not check either
        } catch (IOException e) {
            throw new PgClientException("Could not read the attributes of private key file \"" + key + "\": "
                    + e.getClass().getSimpleName(), e);
        }
        if (!attributes.isRegularFile()) {
            throw new PgClientException("Private key file \"" + key + "\" is not a regular file");
        }
        boolean ownedByRoot = isOwnedByRoot(key, attributes);
        if (violates(attributes.permissions(), ownedByRoot)) {
            throw new PgClientException("Private key file \"" + key + "\" has group or world access; it must have"
                    + " permissions u=rw (0600) or less if owned by the current user, or u=rw,g=r (0640) or less if"
                    + " owned by root. Fix: chmod 0600 " + key);
        }
    }

    /**
     * Whether a mode breaks the rule.
     *
     * @param permissions the file's permissions
     * @param ownedByRoot whether the file belongs to uid 0
     * @return true when the key must be refused
     */
    static boolean violates(Set<PosixFilePermission> permissions, boolean ownedByRoot) {
        Set<PosixFilePermission> forbidden = ownedByRoot ? FORBIDDEN_FOR_ROOT : FORBIDDEN;
        for (PosixFilePermission permission : permissions) {
            if (forbidden.contains(permission)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOwnedByRoot(Path key, PosixFileAttributes attributes) {
        try {
            Object uid = Files.getAttribute(key, "unix:uid");
            if (uid instanceof Integer number) {
                return number == 0;
            }
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            // no "unix" view: fall back to the owner's name
        }
        return "root".equals(attributes.owner().getName());
    }
}
