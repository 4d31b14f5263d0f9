/**
 * The demo program. Everything here is non-null unless annotated {@code @Nullable} (NullAway checks
 * it at build time).
 */
@NullMarked
package io.github.openaivideos.demo;

import org.jspecify.annotations.NullMarked;
