package dev.beckon.suite.video;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an upload: the new video's id and state ({@code transcoding}, or {@code uploaded} with a reason). */
@Schema(name = "UploadedVideo")
public record UploadedJson(@Schema(required = true) String id,
                           @Schema(required = true, enumeration = {"uploaded", "transcoding"}) String state) {
}
