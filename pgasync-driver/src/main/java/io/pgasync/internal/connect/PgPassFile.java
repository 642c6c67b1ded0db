package io.pgasync.internal.connect;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Looks a password up in a libpq password file ({@code ~/.pgpass}, or the file named by {@code passfile} /
 * {@code PGPASSFILE}), with libpq's rules.
 *
 * <ul>
 *   <li>Each line is {@code hostname:port:database:username:password}; lines starting with {@code #} are
 *       comments. The first line whose four fields all match wins.</li>
 *   <li>A field that is exactly {@code *} matches anything. In every field, {@code \:} stands for {@code :} and
 *       {@code \\} for {@code \}; an unescaped {@code :} ends the field.</li>
 *   <li>The host name {@code localhost} also matches connections over a unix-domain socket; so does the socket
 *       directory itself (libpq gives {@code localhost} only to its compiled-in default directory; pgasync has
 *       none, so it accepts {@code localhost} for any socket directory).</li>
 *   <li>On a POSIX file system, a file that is not a regular file, or that grants any access to its group or to
 *       others, is ignored with a warning (logger {@code io.pgasync.connect}) that names the file and the rule,
 *       never its contents. A missing or unreadable file is ignored silently (unreadable: with a warning).</li>
 * </ul>
 *
 * <p>Reads the file on every call (so a rotated password is picked up): call it off the event loop.
 */
public final class PgPassFile {

    private static final System.Logger LOGGER = System.getLogger("io.pgasync.connect");

    private PgPassFile() {
    }

    /**
     * The password for a connection, from a password file.
     *
     * @param file the password file, or null
     * @param host the host name, IP address, or unix-socket directory (starting with {@code /}) connected to
     * @param port the port
     * @param database the database name
     * @param user the user name
     * @return the password of the first matching line, or null when there is none, the file does not exist, or
     *     it was ignored
     */
    public static String lookup(Path file, String host, int port, String database, String user) {
        return lookup(file, host, port, database, user, LOGGER);
    }

    static String lookup(Path file, String host, int port, String database, String user, System.Logger logger) {
        if (file == null || host == null || host.isEmpty() || database == null || database.isEmpty()
                || user == null || user.isEmpty()) {
            return null;
        }
        if (!Files.exists(file)) {
            return null;
        }
        if (!Files.isRegularFile(file)) {
            logger.log(Level.WARNING, "password file \"" + file + "\" is not a plain file; ignoring it");
            return null;
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            Set<PosixFilePermission> permissions;
            try {
                permissions = posix.readAttributes().permissions();
            } catch (IOException e) {
                logger.log(Level.WARNING, "could not read the permissions of password file \"" + file + "\" ("
                        + e.getClass().getSimpleName() + "); ignoring it");
                return null;
            }
            if (grantsGroupOrOthers(permissions)) {
                logger.log(Level.WARNING, "password file \"" + file + "\" has group or world access; permissions"
                        + " should be u=rw (0600) or less; ignoring it");
                return null;
            }
        }
        boolean socket = host.startsWith("/");
        String portText = Integer.toString(port);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                int next = matchHost(line, host, socket);
                if (next < 0) {
                    continue;
                }
                next = matchField(line, next, portText);
                if (next < 0) {
                    continue;
                }
                next = matchField(line, next, database);
                if (next < 0) {
                    continue;
                }
                next = matchField(line, next, user);
                if (next < 0) {
                    continue;
                }
                return unescapePassword(line, next);
            }
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            // The exception's message could quote file contents (malformed input): only its type is shown.
            logger.log(Level.WARNING, "could not read password file \"" + file + "\" ("
                    + e.getClass().getSimpleName() + "); ignoring it");
        }
        return null;
    }

    private static boolean grantsGroupOrOthers(Set<PosixFilePermission> permissions) {
        return permissions.contains(PosixFilePermission.GROUP_READ)
                || permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.GROUP_EXECUTE)
                || permissions.contains(PosixFilePermission.OTHERS_READ)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_EXECUTE);
    }

    private static int matchHost(String line, String host, boolean socket) {
        int next = matchField(line, 0, host);
        if (next < 0 && socket) {
            next = matchField(line, 0, "localhost");
        }
        return next;
    }

    /**
     * Matches the field starting at {@code start} against a value.
     *
     * @return the index after the field's terminating ':', or -1 when the field does not match or is the last
     */
    static int matchField(String line, int start, String value) {
        int n = line.length();
        if (start + 1 < n && line.charAt(start) == '*' && line.charAt(start + 1) == ':') {
            return start + 2;
        }
        int i = start;
        int v = 0;
        while (i < n) {
            char c = line.charAt(i);
            boolean escaped = false;
            if (c == '\\' && i + 1 < n) {
                i++;
                c = line.charAt(i);
                escaped = true;
            }
            if (c == ':' && !escaped) {
                return v == value.length() ? i + 1 : -1;
            }
            if (v >= value.length() || value.charAt(v) != c) {
                return -1;
            }
            v++;
            i++;
        }
        return -1; // no ':' after the field: the line has too few fields
    }

    /** The password field: up to the next unescaped ':' or the end of the line, with escapes removed. */
    static String unescapePassword(String line, int start) {
        StringBuilder sb = new StringBuilder(line.length() - start);
        for (int i = start; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ':') {
                break;
            }
            if (c == '\\' && i + 1 < line.length()) {
                i++;
                c = line.charAt(i);
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
