package io.github.openaivideos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.openaivideos.models.ContentVariant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetFilesTest {
  @TempDir Path dir;

  @Test
  void anOrdinaryIdIsKeptAsItIs() {
    assertThat(AssetFiles.fileName("video_68d7512d07848190", ContentVariant.VIDEO))
        .isEqualTo("video_68d7512d07848190.mp4");
  }

  @Test
  void separatorsAndOtherCharactersBecomeUnderscores() {
    assertThat(AssetFiles.stem("../../etc/passwd")).isEqualTo("_._.._etc_passwd");
    assertThat(AssetFiles.stem("a\\b:c d\u00e9\n")).isEqualTo("a_b_c_d__");
  }

  @Test
  void aLeadingDotIsReplacedSoNoNameIsHiddenOrDotDot() {
    assertThat(AssetFiles.stem(".hidden")).isEqualTo("_hidden");
    assertThat(AssetFiles.stem("..")).isEqualTo("_.");
    assertThat(AssetFiles.stem(".")).isEqualTo("_");
  }

  @Test
  void aVeryLongIdIsCut() {
    assertThat(AssetFiles.stem("v".repeat(500))).hasSize(AssetFiles.MAX_STEM);
  }

  @Test
  void theNameOfEachVariant() {
    assertThat(AssetFiles.fileName("v", ContentVariant.THUMBNAIL)).isEqualTo("v.thumbnail");
    assertThat(AssetFiles.fileName("v", ContentVariant.SPRITESHEET)).isEqualTo("v.spritesheet");
  }

  @Test
  void insideRefusesANameThatLeavesTheFolder() {
    assertThat(AssetFiles.inside(dir, "v.mp4")).isEqualTo(dir.resolve("v.mp4"));
    assertThatThrownBy(() -> AssetFiles.inside(dir, "../v.mp4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("refusing to write \"../v.mp4\" outside the folder " + dir);
    assertThatThrownBy(() -> AssetFiles.inside(dir, "sub/v.mp4"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AssetFiles.inside(dir, ".."))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void imagesAreRenamedAfterTheFormatTheirBytesShow() throws IOException {
    Path png = Files.write(dir.resolve("a.thumbnail"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    Path jpg =
        Files.write(
            dir.resolve("b.thumbnail"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0});
    Path webp =
        Files.write(
            dir.resolve("c.thumbnail"),
            new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'});
    Path unknown = Files.write(dir.resolve("d.thumbnail"), new byte[] {1, 2, 3});

    assertThat(AssetFiles.withImageExtension(png)).isEqualTo(dir.resolve("a.thumbnail.png"));
    assertThat(AssetFiles.withImageExtension(jpg)).isEqualTo(dir.resolve("b.thumbnail.jpg"));
    assertThat(AssetFiles.withImageExtension(webp)).isEqualTo(dir.resolve("c.thumbnail.webp"));
    assertThat(AssetFiles.withImageExtension(unknown)).isEqualTo(unknown);
    assertThat(dir.resolve("a.thumbnail")).doesNotExist();
  }
}
