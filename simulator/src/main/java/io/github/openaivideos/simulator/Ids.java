package io.github.openaivideos.simulator;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Random identifiers in the shapes the real service uses: {@code video_…}, {@code char_…}, {@code
 * evt_…}.
 */
final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  static String video() {
    return "video_" + randomHex();
  }

  static String character() {
    return "char_" + randomHex();
  }

  static String event() {
    return "evt_" + randomHex();
  }

  static String webhook() {
    return "wh_" + randomHex();
  }

  static String request() {
    return "req_" + randomHex();
  }

  private static String randomHex() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
