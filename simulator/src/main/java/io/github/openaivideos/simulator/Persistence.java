package io.github.openaivideos.simulator;

import java.util.List;

/** Where {@link VideoStore} keeps its records beyond the process: nowhere, or a data directory. */
interface Persistence {

  List<VideoRecord> loadVideos();

  List<CharacterRecord> loadCharacters();

  void saveVideo(VideoRecord video);

  void deleteVideo(String id);

  void saveCharacter(CharacterRecord character);

  /** Keeps nothing: state lives only as long as the simulator. */
  static Persistence none() {
    return new Persistence() {
      @Override
      public List<VideoRecord> loadVideos() {
        return List.of();
      }

      @Override
      public List<CharacterRecord> loadCharacters() {
        return List.of();
      }

      @Override
      public void saveVideo(VideoRecord video) {}

      @Override
      public void deleteVideo(String id) {}

      @Override
      public void saveCharacter(CharacterRecord character) {}
    };
  }
}
