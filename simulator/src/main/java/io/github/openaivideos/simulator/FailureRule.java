package io.github.openaivideos.simulator;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which prompts make a job fail, and with which error. The default fails prompts that contain the
 * word "forbidden" with {@code moderation_blocked}, as the real service's moderation would.
 */
record FailureRule(Pattern prompts, String code, String message) {

  static final FailureRule DEFAULT =
      new FailureRule(
          Pattern.compile("\\bforbidden\\b", Pattern.CASE_INSENSITIVE),
          "moderation_blocked",
          "Your request was blocked by our moderation system.");

  /** The error a job with this prompt fails with, or null when it succeeds. */
  @Nullable JobError check(String prompt) {
    return prompts.matcher(prompt).find() ? new JobError(code, message) : null;
  }
}
