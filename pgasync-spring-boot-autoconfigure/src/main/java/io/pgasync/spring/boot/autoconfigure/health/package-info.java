/** Actuator health for pgasync pools. */
package io.pgasync.spring.boot.autoconfigure.health;
