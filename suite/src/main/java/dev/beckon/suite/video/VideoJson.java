package dev.beckon.suite.video;

import dev.beckon.video.library.Video;
import dev.beckon.video.library.ViewEventKind;
import jakarta.json.bind.annotation.JsonbNillable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A video in the merchant API: where it stands, why, what it is, and how many shoppers played it. */
@JsonbNillable
@Schema(name = "Video")
public record VideoJson(
        @Schema(required = true) String id,
        @Schema(required = true, enumeration = {"uploaded", "transcoding", "ready", "failed"}) String state,
        @Schema(description = "Why it failed, or why it is not transcoded yet") String reason,
        @Schema(description = "Known once probed") Double durationSeconds,
        Integer width,
        Integer height,
        @Schema(required = true) Instant createdAt,
        @Schema(description = "Links whose shopper started the video (link previewers and bots left out)")
        long views,
        @Schema(description = "Links whose shopper watched to the end (bots left out)") long completions,
        @Schema(description = "Links whose shopper reached each landing-page event (bots left out): play, 25, 50, "
                + "75, 100 and cta") Map<String, Long> reached) {

    static VideoJson of(Video video, Map<ViewEventKind, Long> reached) {
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (ViewEventKind kind : ViewEventKind.values()) {
            byKind.put(kind.column(), reached.getOrDefault(kind, 0L));
        }
        return new VideoJson(video.id().toString(), video.state().column(), video.reason().orElse(null),
                video.duration().map(d -> d.toMillis() / 1000.0).orElse(null), video.width().orElse(null),
                video.height().orElse(null), video.createdAt(), byKind.get(ViewEventKind.PLAY.column()),
                byKind.get(ViewEventKind.COMPLETE.column()), byKind);
    }
}
