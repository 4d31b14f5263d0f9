package io.github.openaivideos.simulator;

/** A character created from an uploaded video. */
record CharacterRecord(String id, String name, long createdAt) {}
