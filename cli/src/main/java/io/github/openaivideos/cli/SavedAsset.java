package io.github.openaivideos.cli;

import io.github.openaivideos.models.ContentVariant;
import java.nio.file.Path;

/** One downloaded file: which asset of the video, where it was written, and its size. */
record SavedAsset(ContentVariant variant, Path path, long bytes) {}
