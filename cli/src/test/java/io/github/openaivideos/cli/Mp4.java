package io.github.openaivideos.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The smallest file that passes as an MP4 upload: an {@code ftyp} box and nothing else. */
final class Mp4 {
  private Mp4() {}

  static Path write(Path file) throws IOException {
    byte[] ftyp = {
      0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm',
      'p', '4', '2'
    };
    return Files.write(file, ftyp);
  }
}
