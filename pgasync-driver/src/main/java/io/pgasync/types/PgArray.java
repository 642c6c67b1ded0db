package io.pgasync.types;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;

/**
 * A PostgreSQL array value: an immutable {@link List} of its elements (SQL NULL elements are {@code null}) that
 * also remembers the array's lower bound, which PostgreSQL keeps (1 unless set otherwise, as in
 * {@code '[0:2]={a,b,c}'}).
 *
 * <p>A multi-dimensional array is a {@code PgArray} whose elements are {@code PgArray}s of the next dimension,
 * each with the lower bound of that dimension: {@code '{{1,2},{3,4}}'::int[]} is {@code [[1, 2], [3, 4]]}.
 * PostgreSQL arrays are rectangular: every sub-array of a dimension has the same length and lower bound. An
 * empty array ({@code '{}'}) has no dimensions: {@link #size()} is 0.
 *
 * <p>List indexes start at 0 as everywhere in Java ({@link #get(int)}); {@link #element(int)} takes a
 * PostgreSQL subscript instead. {@link #equals(Object)} follows the {@link List} contract and ignores lower
 * bounds, so a decoded array equals {@code List.of(...)} of its elements; compare {@link #lowerBound()} too when
 * it matters. Not to be confused with a {@code java.sql.Array}.
 *
 * @param <E> the element type
 */
public final class PgArray<E> extends AbstractList<E> implements RandomAccess {

    private static final PgArray<?> EMPTY = new PgArray<>(new Object[0], 1);

    private final Object[] elements;
    private final int lowerBound;

    private PgArray(Object[] elements, int lowerBound) {
        this.elements = elements;
        this.lowerBound = lowerBound;
    }

    /**
     * The empty array {@code '{}'}.
     *
     * @param <E> the element type
     * @return the empty array
     */
    @SuppressWarnings("unchecked")
    public static <E> PgArray<E> empty() {
        return (PgArray<E>) EMPTY;
    }

    /**
     * An array of the given elements (copied; {@code null} elements are SQL NULLs), with lower bound 1.
     *
     * @param elements the elements; {@code PgArray} or other list elements make a multi-dimensional array
     * @param <E> the element type
     * @return the array
     */
    @SafeVarargs
    @SuppressWarnings("varargs")
    public static <E> PgArray<E> of(E... elements) {
        return elements.length == 0 ? empty() : new PgArray<>(elements.clone(), 1);
    }

    /**
     * An array of a collection's elements (copied), with lower bound 1.
     *
     * @param elements the elements
     * @param <E> the element type
     * @return the array
     */
    public static <E> PgArray<E> copyOf(Collection<? extends E> elements) {
        return elements.isEmpty() ? empty() : new PgArray<>(elements.toArray(), 1);
    }

    /**
     * A builder for an array of a known size, filled in order without copying the elements again; what codecs
     * use to build the arrays they decode.
     *
     * @param size the number of elements, at least 0
     * @param <E> the element type
     * @return the builder
     */
    public static <E> Builder<E> builder(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("negative array size " + size);
        }
        return new Builder<>(size);
    }

    /**
     * This array with another lower bound (the elements are shared, not copied); the empty array has no bounds
     * and is returned as it is.
     *
     * @param lowerBound the subscript of the first element
     * @return an array with the same elements
     * @throws IllegalArgumentException when the upper bound would not fit in a 32-bit integer, as in PostgreSQL
     */
    public PgArray<E> withLowerBound(int lowerBound) {
        checkBounds(lowerBound, elements.length);
        return lowerBound == this.lowerBound || elements.length == 0 ? this : new PgArray<>(elements, lowerBound);
    }

    private static void checkBounds(int lowerBound, int size) {
        if ((long) lowerBound + size - 1 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an array with lower bound " + lowerBound + " and " + size
                    + " elements has an upper bound beyond 2147483647");
        }
    }

    /**
     * The subscript of the first element (PostgreSQL's {@code array_lower}); 1 unless set otherwise.
     *
     * @return the lower bound
     */
    public int lowerBound() {
        return lowerBound;
    }

    /**
     * The subscript of the last element (PostgreSQL's {@code array_upper}): {@code lowerBound() + size() - 1}.
     *
     * @return the upper bound
     */
    public int upperBound() {
        return lowerBound + elements.length - 1;
    }

    /**
     * The element at a PostgreSQL subscript.
     *
     * @param subscript from {@link #lowerBound()} to {@link #upperBound()}
     * @return the element, null for SQL NULL
     * @throws IndexOutOfBoundsException when the subscript is outside the bounds
     */
    @SuppressWarnings("unchecked")
    public E element(int subscript) {
        long index = (long) subscript - lowerBound;
        if (index < 0 || index >= elements.length) {
            throw new IndexOutOfBoundsException("subscript " + subscript + " is outside [" + lowerBound + ":"
                    + upperBound() + "]");
        }
        return (E) elements[(int) index];
    }

    /**
     * The number of dimensions: 0 for the empty array, 1 plus that of the first element when it is itself a
     * {@code PgArray}, 1 otherwise.
     *
     * @return the number of dimensions
     */
    public int dimensions() {
        if (elements.length == 0) {
            return 0;
        }
        return elements[0] instanceof PgArray<?> inner ? 1 + Math.max(1, inner.dimensions()) : 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        return (E) elements[index];
    }

    @Override
    public int size() {
        return elements.length;
    }

    @Override
    public Object[] toArray() {
        return elements.clone();
    }

    @Override
    public String toString() {
        String list = Arrays.deepToString(elements);
        return lowerBound == 1 ? list : "[" + lowerBound + ":" + upperBound() + "]=" + list;
    }

    /**
     * Fills a {@link PgArray} of a fixed size; {@link #build()} hands the elements over without a copy, after
     * which the builder cannot be used again.
     *
     * @param <E> the element type
     */
    public static final class Builder<E> {
        private final Object[] elements;
        private int count;
        private int lowerBound = 1;
        private boolean built;

        private Builder(int size) {
            this.elements = new Object[size];
        }

        /**
         * Appends the next element.
         *
         * @param element the element, null for SQL NULL
         * @return this builder
         * @throws IllegalStateException when the array is full or already built
         */
        public Builder<E> add(E element) {
            if (built || count == elements.length) {
                throw new IllegalStateException(built ? "the array is built already" : "the array is full");
            }
            elements[count++] = element;
            return this;
        }

        /**
         * Sets the lower bound (default 1); ignored for an empty array, which has no dimensions.
         *
         * @param lowerBound the subscript of the first element
         * @return this builder
         */
        public Builder<E> lowerBound(int lowerBound) {
            this.lowerBound = lowerBound;
            return this;
        }

        /**
         * The array.
         *
         * @return the array
         * @throws IllegalStateException when fewer elements were added than the size, or it was built already
         * @throws IllegalArgumentException when the bounds do not fit in 32-bit integers
         */
        public PgArray<E> build() {
            if (built) {
                throw new IllegalStateException("the array is built already");
            }
            if (count != elements.length) {
                throw new IllegalStateException("the array has " + count + " of its " + elements.length
                        + " elements");
            }
            built = true;
            if (count == 0) {
                return empty();
            }
            checkBounds(lowerBound, count);
            return new PgArray<>(elements, lowerBound);
        }
    }

    /**
     * Whether a list is an array with the same elements and lower bound (what {@link #equals} does not check).
     *
     * @param other another list
     * @return true when both are {@code PgArray}s with equal elements and equal lower bounds at every level
     */
    public boolean equalsWithBounds(List<?> other) {
        if (!(other instanceof PgArray<?> that) || that.lowerBound != lowerBound || that.size() != size()) {
            return false;
        }
        for (int i = 0; i < elements.length; i++) {
            Object a = elements[i];
            Object b = that.elements[i];
            if (a instanceof PgArray<?> x) {
                if (!x.equalsWithBounds(b instanceof List<?> l ? l : null)) {
                    return false;
                }
            } else if (a == null ? b != null : !(a instanceof byte[] ab && b instanceof byte[] bb
                    ? Arrays.equals(ab, bb) : a.equals(b))) {
                return false;
            }
        }
        return true;
    }
}
