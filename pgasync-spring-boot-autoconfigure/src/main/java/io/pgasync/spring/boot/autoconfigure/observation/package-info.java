/** Micrometer observations of pgasync queries ({@code db.client.operation}). */
package io.pgasync.spring.boot.autoconfigure.observation;
