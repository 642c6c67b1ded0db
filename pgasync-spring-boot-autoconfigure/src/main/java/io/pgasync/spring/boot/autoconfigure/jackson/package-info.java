/** Jackson (3) for JSON and JSONB columns. */
package io.pgasync.spring.boot.autoconfigure.jackson;
