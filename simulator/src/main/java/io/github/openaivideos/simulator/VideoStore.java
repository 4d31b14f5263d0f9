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

  /** Where deleted videos stood in creation order, so a list cursor naming one still works. */
  private final Map<String, Long> deleted = new HashMap<>();

  private long nextSequence;

  VideoStore(Persistence persistence) {
    this.persistence = persistence;
    for (VideoRecord video : persistence.loadVideos()) {
      videos.put(video.id(), video);
      nextSequence = Math.max(nextSequence, video.sequence() + 1);
    }
    deleted.putAll(persistence.loadDeleted());
    for (long sequence : deleted.values()) {
      nextSequence = Math.max(nextSequence, sequence + 1);
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

  synchronized List<VideoRecord> videos() {
    return List.copyOf(videos.values());
  }

  /** Forgets the video, keeping only its place in the listing order. */
  synchronized boolean removeVideo(String id) {
    VideoRecord video = videos.get(id);
    if (video == null) {
      return false;
    }
    persistence.deleteVideo(video);
    videos.remove(id);
    deleted.put(id, video.sequence());
    return true;
  }

  /**
   * Up to {@code limit} videos that come after the video {@code after} (or from the start when it
   * is null) in creation order, newest first unless {@code ascending}. A deleted video still marks
   * its place, so a page continues where its cursor was. Empty when {@code after} names no video
   * the simulator ever created.
   */
  synchronized Optional<Page> page(String after, int limit, boolean ascending) {
    List<VideoRecord> sorted = new ArrayList<>(videos.values());
    sorted.sort(ascending ? OLDEST_FIRST : OLDEST_FIRST.reversed());
    if (after != null) {
      VideoRecord live = videos.get(after);
      Long cursor = live != null ? Long.valueOf(live.sequence()) : deleted.get(after);
      if (cursor == null) {
        return Optional.empty();
      }
      sorted.removeIf(v -> ascending ? v.sequence() <= cursor : v.sequence() >= cursor);
    }
    int end = Math.min(sorted.size(), limit);
    return Optional.of(new Page(List.copyOf(sorted.subList(0, end)), end < sorted.size()));
  }

  synchronized void addCharacter(CharacterRecord character) {
    persistence.saveCharacter(character);
    characters.put(character.id(), character);
  }

  synchronized Optional<CharacterRecord> character(String id) {
    return Optional.ofNullable(characters.get(id));
  }
}
