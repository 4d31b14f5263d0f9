package io.github.openaivideos.simulator;

import java.util.List;
import java.util.Map;

/** Where {@link VideoStore} keeps its records beyond the process: nowhere, or a data directory. */
interface Persistence {

  List<VideoRecord> loadVideos();

  List<CharacterRecord> loadCharacters();

  /** The creation sequence numbers of deleted videos, by id (see {@link #deleteVideo}). */
  Map<String, Long> loadDeleted();

  void saveVideo(VideoRecord video);

  /** Forgets the video but remembers its place in the listing order, for list cursors. */
  void deleteVideo(VideoRecord video);

  void saveCharacter(CharacterRecord character);

  /** Every idempotency key used so far (see {@link IdempotencyKeys}). */
  List<IdempotencyKeys.Entry> loadIdempotencyKeys();

  void saveIdempotencyKey(IdempotencyKeys.Entry entry);

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
      public Map<String, Long> loadDeleted() {
        return Map.of();
      }

      @Override
      public void saveVideo(VideoRecord video) {}

      @Override
      public void deleteVideo(VideoRecord video) {}

      @Override
      public void saveCharacter(CharacterRecord character) {}

      @Override
      public List<IdempotencyKeys.Entry> loadIdempotencyKeys() {
        return List.of();
      }

      @Override
      public void saveIdempotencyKey(IdempotencyKeys.Entry entry) {}
    };
  }
}
