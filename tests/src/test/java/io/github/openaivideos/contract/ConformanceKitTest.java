package io.github.openaivideos.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.openaivideos.simulator.Timing;
import io.github.openaivideos.simulator.VideosSimulator;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, part 4: the conformance kit. Runs {@link ConformanceKit} against the server named by
 * {@code -Dcontract.baseUrl} (with {@code -Dcontract.apiKey}, {@code -Dcontract.waitSeconds}), or
 * against the embedded simulator when none is named, prints the pass/fail table to stdout (and to
 * target/contract-kit-report.txt), and fails the build when any check fails.
 *
 * <pre>
 * mvn -pl tests verify -Dcontract.baseUrl=http://host:port/v1 -Dcontract.apiKey=sk-...
 * </pre>
 */
class ConformanceKitTest {

  @Test
  void theServerUnderTestHonoursTheContract() throws IOException {
    String baseUrl = System.getProperty("contract.baseUrl", "").trim();
    String apiKey = System.getProperty("contract.apiKey", "sk-contract-kit").trim();
    Duration wait =
        Duration.ofSeconds(
            Long.parseLong(System.getProperty("contract.waitSeconds", "120").trim()));

    VideosSimulator simulator = null;
    String target;
    URI base;
    if (baseUrl.isEmpty()) {
      // Short lifecycle so that polling is exercised; the key is enforced so that 401 is checked.
      simulator =
          VideosSimulator.builder()
              .timing(Timing.of(Duration.ofMillis(100), Duration.ofMillis(400)))
              .apiKey(apiKey)
              .build()
              .start();
      base = simulator.baseUrl();
      target = base + " (embedded simulator; set -Dcontract.baseUrl to test another server)";
    } else {
      base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
      target = base.toString();
    }
    try {
      ConformanceKit kit = new ConformanceKit(base, apiKey, wait, Spec.project());
      List<ConformanceKit.Row> rows = kit.run();
      String report = ConformanceKit.table(target, rows);
      String problems =
          kit.problems().isEmpty()
              ? ""
              : "Problems:\n  " + String.join("\n  ", kit.problems()) + "\n";
      System.out.print("\n" + report + problems);
      Files.writeString(
          Path.of("target", "contract-kit-report.txt"), report + problems, StandardCharsets.UTF_8);

      assertThat(rows)
          .as("%s%s", report, problems)
          .noneMatch(r -> r.result() == ConformanceKit.Result.FAIL);
      assertThat(rows).as("the checks of the kit").hasSizeGreaterThanOrEqualTo(13);
    } finally {
      if (simulator != null) {
        simulator.close();
      }
    }
  }
}
