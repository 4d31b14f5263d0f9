/**
 * The OpenAI Videos API client: {@link io.github.openaivideos.VideosClient} and the request,
 * response and error types it speaks. Everything here is non-null unless marked otherwise; optional
 * response fields are {@link java.util.Optional}.
 */
@NullMarked
package io.github.openaivideos;

import org.jspecify.annotations.NullMarked;
