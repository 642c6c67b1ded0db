package io.pgasync;

import io.pgasync.exception.PgConfigurationException;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which authentication methods a connection accepts from the server: libpq's {@code require_auth}
 * ({@code PGREQUIREAUTH}), with its syntax and meaning. Immutable.
 *
 * <ul>
 *   <li>Unset (the default, {@link #any()}): every method is accepted, including none at all.</li>
 *   <li>A list, such as {@code scram-sha-256} or {@code scram-sha-256,none}: only these methods are accepted.
 *       Without {@code none} in the list, a server that lets the client in without any authentication exchange
 *       is refused.</li>
 *   <li>A list of negated methods, such as {@code !password,!md5}: every method except these is accepted;
 *       {@code !none} refuses a server that asks for no authentication.</li>
 * </ul>
 *
 * <p>As in libpq, negated and plain methods cannot be mixed, and naming a method twice is an error. The methods
 * are {@code password}, {@code md5}, {@code scram-sha-256}, {@code gss}, {@code sspi} and {@code none}; see
 * {@link AuthenticationMethod}.
 *
 * <p>The driver checks every authentication request against this before answering it, so a refused method never
 * receives the password.
 */
public final class RequireAuth {

    private static final RequireAuth ANY = new RequireAuth(true, EnumSet.noneOf(AuthenticationMethod.class));

    private final boolean negated;
    private final Set<AuthenticationMethod> methods;

    private RequireAuth(boolean negated, EnumSet<AuthenticationMethod> methods) {
        this.negated = negated;
        this.methods = Collections.unmodifiableSet(methods);
    }

    /**
     * No restriction: every method is accepted (the default).
     *
     * @return the unrestricted value
     */
    public static RequireAuth any() {
        return ANY;
    }

    /**
     * Accepts only the given methods.
     *
     * @param first a method
     * @param more more methods
     * @return the value
     * @throws PgConfigurationException when a method is given twice
     */
    public static RequireAuth only(AuthenticationMethod first, AuthenticationMethod... more) {
        return new RequireAuth(false, collect(first, more));
    }

    /**
     * Accepts every method except the given ones.
     *
     * @param first a method
     * @param more more methods
     * @return the value
     * @throws PgConfigurationException when a method is given twice
     */
    public static RequireAuth allExcept(AuthenticationMethod first, AuthenticationMethod... more) {
        return new RequireAuth(true, collect(first, more));
    }

    /**
     * Parses libpq's syntax: a comma-separated list of methods, or of methods each preceded by {@code !}.
     *
     * @param value the list; null or empty means {@link #any()}
     * @return the value
     * @throws PgConfigurationException when a method is unknown, given twice, or negated and plain methods are
     *     mixed
     */
    public static RequireAuth parse(String value) {
        if (value == null || value.isEmpty()) {
            return ANY;
        }
        boolean negated = false;
        EnumSet<AuthenticationMethod> methods = EnumSet.noneOf(AuthenticationMethod.class);
        String[] parts = value.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            boolean bang = part.startsWith("!");
            if (i == 0) {
                negated = bang;
            } else if (bang != negated) {
                throw new PgConfigurationException("invalid require_auth value: negated methods (!method) cannot be"
                        + " mixed with plain ones; write either a list of accepted methods (scram-sha-256,none) or a"
                        + " list of refused ones (!password,!md5)", "require_auth");
            }
            AuthenticationMethod method = AuthenticationMethod.fromKeyword(bang ? part.substring(1).strip() : part);
            if (!methods.add(method)) {
                throw new PgConfigurationException("invalid require_auth value: method " + method.keyword()
                        + " is given more than once", "require_auth");
            }
        }
        return new RequireAuth(negated, methods);
    }

    /**
     * Whether the connection accepts a method the server asks for.
     *
     * @param method the method the server asked for ({@link AuthenticationMethod#NONE} when the server sent
     *     AuthenticationOk without asking for anything)
     * @return true when the method is accepted
     */
    public boolean allows(AuthenticationMethod method) {
        return negated != methods.contains(method);
    }

    /**
     * Whether every method is accepted ({@link #any()}).
     *
     * @return true when there is no restriction
     */
    public boolean isUnrestricted() {
        return negated && methods.isEmpty();
    }

    /**
     * Whether {@link #methods()} lists refused methods ({@code !method} syntax) rather than accepted ones.
     *
     * @return true for a list of refused methods (also for {@link #any()}, which refuses none)
     */
    public boolean isNegated() {
        return negated;
    }

    /**
     * The methods listed: the accepted ones, or the refused ones when {@link #isNegated()}.
     *
     * @return the methods, unmodifiable
     */
    public Set<AuthenticationMethod> methods() {
        return methods;
    }

    /**
     * The value in libpq's syntax, such as {@code scram-sha-256,none} or {@code !password,!md5}; empty for
     * {@link #any()}.
     *
     * @return the libpq value
     */
    public String keyword() {
        StringBuilder sb = new StringBuilder();
        for (AuthenticationMethod method : methods) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            if (negated) {
                sb.append('!');
            }
            sb.append(method.keyword());
        }
        return sb.toString();
    }

    /**
     * Equal when both accept the same methods.
     *
     * @param o another object
     * @return true when equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof RequireAuth other && negated == other.negated && methods.equals(other.methods);
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Boolean.hashCode(negated) * 31 + methods.hashCode();
    }

    /**
     * The libpq syntax ({@link #keyword()}), or {@code any} when unrestricted.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return isUnrestricted() ? "any" : keyword();
    }

    private static EnumSet<AuthenticationMethod> collect(AuthenticationMethod first, AuthenticationMethod... more) {
        EnumSet<AuthenticationMethod> methods = EnumSet.noneOf(AuthenticationMethod.class);
        add(methods, first);
        for (AuthenticationMethod method : more) {
            add(methods, method);
        }
        return methods;
    }

    private static void add(EnumSet<AuthenticationMethod> methods, AuthenticationMethod method) {
        if (method == null) {
            throw new NullPointerException("method");
        }
        if (!methods.add(method)) {
            throw new PgConfigurationException("invalid require_auth value: method " + method.keyword()
                    + " is given more than once", "require_auth");
        }
    }
}
