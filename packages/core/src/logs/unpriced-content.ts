import { type JsonObject, nonEmptyString, safeLabel } from "./json-value.ts";
import type { UnpricedItem, UnpricedItemKind } from "./log-record.ts";

/** ChatGPT `multimodal_text` part types that carry no countable text, by what they are. */
const CHATGPT_PART_KINDS: Readonly<Record<string, UnpricedItemKind>> = {
  image_asset_pointer: "image",
  audio_asset_pointer: "audio",
  real_time_user_audio_video_asset_pointer: "audio",
  video_container_asset_pointer: "video",
};

/** The unpriced item a non-text ChatGPT part stands for. */
export function chatGptPartItem(part: JsonObject): UnpricedItem {
  const contentType = nonEmptyString(part.content_type) ?? "unknown";
  return { kind: CHATGPT_PART_KINDS[contentType] ?? "other", contentType: safeLabel(contentType) };
}

/** An uploaded file, by MIME type: images are `image`, everything else `file`. */
export function attachmentItem(mimeType: string | undefined): UnpricedItem {
  const contentType = mimeType === undefined ? "attachment" : safeLabel(mimeType);
  return { kind: contentType.startsWith("image/") ? "image" : "file", contentType };
}
