package io.github.openaivideos.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The simulator's state: video jobs and characters, kept in memory and mirrored to a {@link
 * Persistence}. Every method is synchronized, so concurrent requests see a consistent state.
 */
final class VideoStore {

  /** One page of a listing, in the requested order. */
  record Page(List<VideoRecord> videos, boolean hasMore) {}

  private static final Comparator<VideoRecord> OLDEST_FIRST =
      Comparator.comparingLong(VideoRecord::sequence);

  private final Persistence persistence;
  private final Map<String, VideoRecord> videos = new HashMap<>();
  private final Map<String, CharacterRecord> characters = new HashMap<>();
  private long nextSequence;

  VideoStore(Persistence persistence) {
    this.persistence = persistence;
    for (VideoRecord video : persistence.loadVideos()) {
      videos.put(video.id(), video);
      nextSequence = Math.max(nextSequence, video.sequence() + 1);
    }
    for (CharacterRecord character : persistence.loadCharacters()) {
      characters.put(character.id(), character);
    }
  }

  /** Stores the video that {@code factory} builds for the next creation sequence number. */
  synchronized VideoRecord addVideo(LongFunction<VideoRecord> factory) {
    VideoRecord video = factory.apply(nextSequence++);
    persistence.saveVideo(video);
    videos.put(video.id(), video);
    return video;
  }

  synchronized Optional<VideoRecord> video(String id) {
    return Optional.ofNullable(videos.get(id));
  }

  synchronized boolean removeVideo(String id) {
    if (videos.remove(id) == null) {
      return false;
    }
    persistence.deleteVideo(id);
    return true;
  }

  /**
   * Up to {@code limit} videos that come after the video {@code after} (or from the start when it
   * is null) in creation order, newest first unless {@code ascending}. Empty when {@code after}
   * names no stored video.
   */
  synchronized Optional<Page> page(String after, int limit, boolean ascending) {
    List<VideoRecord> sorted = new ArrayList<>(videos.values());
    sorted.sort(ascending ? OLDEST_FIRST : OLDEST_FIRST.reversed());
    int start = 0;
    if (after != null) {
      VideoRecord cursor = videos.get(after);
      if (cursor == null) {
        return Optional.empty();
      }
      start = sorted.indexOf(cursor) + 1;
    }
    int end = Math.min(sorted.size(), start + limit);
    return Optional.of(new Page(List.copyOf(sorted.subList(start, end)), end < sorted.size()));
  }

  synchronized void addCharacter(CharacterRecord character) {
    persistence.saveCharacter(character);
    characters.put(character.id(), character);
  }

  synchronized Optional<CharacterRecord> character(String id) {
    return Optional.ofNullable(characters.get(id));
  }
}
