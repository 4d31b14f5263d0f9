package io.github.openaivideos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageDimensionsTest {

  @Test
  void readsPngAndJpegSizesWithImageIo() throws IOException {
    assertThat(read(MediaType.PNG, Fixtures.image("png", 33, 17))).isEqualTo(new VideoSize(33, 17));
    assertThat(read(MediaType.JPEG, Fixtures.image("jpeg", 40, 30)))
        .isEqualTo(new VideoSize(40, 30));
  }

  @Test
  void readsExtendedWebpHeader() throws IOException {
    assertThat(read(MediaType.WEBP, Fixtures.webpHeader(1792, 1024)))
        .isEqualTo(new VideoSize(1792, 1024));
  }

  @Test
  void readsLosslessWebpHeader() throws IOException {
    byte[] h = riff("VP8L");
    h[20] = 0x2f; // VP8L signature
    int bits = (1280 - 1) | (720 - 1) << 14;
    h[21] = (byte) bits;
    h[22] = (byte) (bits >> 8);
    h[23] = (byte) (bits >> 16);
    h[24] = (byte) (bits >> 24);

    assertThat(read(MediaType.WEBP, h)).isEqualTo(new VideoSize(1280, 720));
  }

  @Test
  void readsLossyWebpHeader() throws IOException {
    byte[] h = riff("VP8 ");
    h[23] = (byte) 0x9d; // start code
    h[24] = 0x01;
    h[25] = 0x2a;
    h[26] = (byte) (720 & 0xFF);
    h[27] = (byte) (720 >> 8);
    h[28] = (byte) (1280 & 0xFF);
    h[29] = (byte) (1280 >> 8);

    assertThat(read(MediaType.WEBP, h)).isEqualTo(new VideoSize(720, 1280));
  }

  @Test
  void unreadableImagesHaveNoSize() throws IOException {
    assertThat(read(MediaType.PNG, new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isNull();
    assertThat(read(MediaType.WEBP, riff("JUNK"))).isNull();
    assertThat(read(MediaType.WEBP, new byte[12])).isNull();
  }

  private static byte[] riff(String chunk) {
    byte[] h = new byte[30];
    System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, h, 0, 4);
    System.arraycopy("WEBP".getBytes(StandardCharsets.US_ASCII), 0, h, 8, 4);
    System.arraycopy(chunk.getBytes(StandardCharsets.US_ASCII), 0, h, 12, 4);
    return h;
  }

  private static VideoSize read(MediaType type, byte[] bytes) throws IOException {
    return ImageDimensions.read(type, new ByteArrayInputStream(bytes));
  }
}
