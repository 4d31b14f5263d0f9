package io.github.openaivideos.simulator;

/** Why a job failed: the {@code error} object of a failed Video. */
record JobError(String code, String message) {}
