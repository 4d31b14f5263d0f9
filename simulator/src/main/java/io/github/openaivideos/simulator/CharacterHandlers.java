package io.github.openaivideos.simulator;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.Set;

/** Create and retrieve characters. */
final class CharacterHandlers {
  private static final String VIDEO = "video";
  private static final Set<String> CREATE = Set.of("name", VIDEO);

  private final VideoStore store;
  private final Uploads uploads;
  private final Clock clock;

  CharacterHandlers(VideoStore store, Uploads uploads, Clock clock) {
    this.store = store;
    this.uploads = uploads;
    this.clock = clock;
  }

  /** POST /videos/characters (multipart only): an MP4 upload and a name of 1..80 characters. */
  void create(Context ctx) {
    RequestFields.checkQuery(ctx, Set.of());
    RequestFields fields = RequestFields.read(ctx, false, CREATE);
    String name = Rules.characterName(fields);
    RequestFields.Field video = fields.field(VIDEO).orElseThrow(() -> ApiException.missing(VIDEO));
    if (!(video instanceof RequestFields.Upload upload)) {
      throw ApiException.invalidType(VIDEO, "a file", "a string");
    }
    uploads.check(VIDEO, upload.file(), Uploads.VIDEOS);
    CharacterRecord character =
        new CharacterRecord(Ids.character(), name, clock.instant().getEpochSecond());
    store.addCharacter(character);
    Replies.json(ctx, 200, ApiJson.character(character));
  }

  /** GET /videos/characters/{character_id} */
  void retrieve(Context ctx) {
    RequestFields.checkQuery(ctx, Set.of());
    String id = ctx.pathParam("character_id");
    CharacterRecord character =
        store
            .character(id)
            .orElseThrow(
                () ->
                    new ApiException(
                        404,
                        ApiException.INVALID_REQUEST,
                        "No character found with id '" + id + "'.",
                        "character_id",
                        "not_found"));
    Replies.json(ctx, 200, ApiJson.character(character));
  }
}
