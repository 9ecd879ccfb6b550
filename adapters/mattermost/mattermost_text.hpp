// Cutting text to Mattermost's limits without splitting a UTF-8 character. Mattermost measures in
// two units: a post's message in runes (code points: Post.IsValid uses utf8.RuneCountInString
// against PostMessageMaxRunesV2), a dialog's texts in bytes (Dialog.IsValid and checkMaxLength in
// server/public/model/integration_action.go use Go's len()). Slack's helpers count UTF-16 units,
// neither of these, so the two cuts live here.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace superbruger::adapters::mattermost {

/// Code points, counting a malformed byte as one (as Go's utf8.RuneCountInString does).
std::size_t rune_count(std::string_view utf8);

/// `text` within `limit` runes, cut at a character boundary and ending in "…" when cut.
std::string within_runes(std::string_view text, std::size_t limit);

/// `text` within `limit` bytes, cut at a character boundary and ending in "…" (3 bytes) when cut;
/// a limit below 4 cuts without the ellipsis.
std::string within_bytes(std::string_view text, std::size_t limit);

}  // namespace superbruger::adapters::mattermost
