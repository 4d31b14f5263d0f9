/**
 * A local, in-process simulator of the OpenAI Videos API. Everything here is non-null unless
 * annotated {@code @Nullable} (NullAway checks it at build time).
 */
@NullMarked
package io.github.openaivideos.simulator;

import org.jspecify.annotations.NullMarked;
