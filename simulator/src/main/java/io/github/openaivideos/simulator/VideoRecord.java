package io.github.openaivideos.simulator;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the simulator remembers about one video job. Everything that changes over time (status,
 * progress, completion) is derived from {@link #createdAt} by {@link Lifecycle}.
 *
 * @param sequence creation order, to sort jobs created within the same second
 * @param failure set when the job is bound to fail, null otherwise
 */
record VideoRecord(
    String id,
    String model,
    String prompt,
    VideoSize size,
    int seconds,
    Instant createdAt,
    long sequence,
    @Nullable String remixedFromVideoId,
    @Nullable JobError failure) {}
