/**
 * Spring Boot auto-configuration for pgasync.
 */
package io.pgasync.spring.boot.autoconfigure;
