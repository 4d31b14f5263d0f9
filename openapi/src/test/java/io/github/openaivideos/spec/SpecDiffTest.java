package io.github.openaivideos.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecDiffTest {
  private static final Path SPEC = Path.of("videos.yaml");

  @Test
  void theSameSpecHasNoChanges() throws Exception {
    String report = SpecDiff.markdown(SPEC, SPEC);

    assertThat(report).contains("Result: no changes");
  }

  @Test
  void aNewOptionalResponseFieldAndANewOperationAreCompatible(@TempDir Path dir) throws Exception {
    String spec = Files.readString(SPEC);
    String newer =
        spec.replace(
                "        remixed_from_video_id:\n",
                "        quality:\n          type: string\n        remixed_from_video_id:\n")
            .replace(
                "  /videos/characters/{character_id}:\n",
                "  /videos/{video_id}/archive:\n"
                    + "    parameters:\n"
                    + "      - $ref: '#/components/parameters/VideoId'\n"
                    + "    post:\n"
                    + "      operationId: archiveVideo\n"
                    + "      responses:\n"
                    + "        '200':\n"
                    + "          $ref: '#/components/responses/Video'\n"
                    + "  /videos/characters/{character_id}:\n");
    assertThat(newer).isNotEqualTo(spec);
    Path file = Files.writeString(dir.resolve("newer.yaml"), newer);

    String report = SpecDiff.markdown(SPEC, file);

    assertThat(report)
        .contains("Result: compatible")
        .contains("- new operation POST /videos/{video_id}/archive (archiveVideo)")
        .contains("## Breaking changes (need a decision before they reach the spec)\n\nNone.");
  }

  @Test
  void aRemovedRequestEnumValueIsBreaking(@TempDir Path dir) throws Exception {
    String spec = Files.readString(SPEC);
    String newer =
        spec.replace("      enum: ['4', '8', '12', '16', '20']", "      enum: ['4', '8', '12']");
    assertThat(newer).isNotEqualTo(spec);
    Path file = Files.writeString(dir.resolve("newer.yaml"), newer);

    String report = SpecDiff.markdown(SPEC, file);

    assertThat(report)
        .contains("Result: BREAKING")
        .contains("changed operation POST /videos/extensions");
  }
}
