// Slack message text in both directions: Slack's mrkdwn markup back to plain text (inbound), and
// the bot's Markdown-light to escaped mrkdwn (outbound), with cuts that never split a UTF-8
// character or an entity. Formatting rules: https://api.slack.com/reference/surfaces/formatting
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace superbruger::adapters::slack {

/// Inbound text as a person wrote it. Slack escapes & < > as entities and sends links, mentions
/// and channel names in angle brackets (https://api.slack.com/reference/surfaces/formatting#retrieving-messages):
/// `<http://x|label>` → "label", `<http://x>` → "http://x", `<mailto:a@b|a@b>` → "a@b",
/// `<@U123>` → "@U123", `<@U123|anne>` → "@anne", `<#C123|general>` → "#general",
/// `<!here>` → "@here", `<!subteam^S1|@team>` → "@team"; then the entities are decoded. Ends trimmed.
std::string mrkdwn_to_text(std::string_view text);

/// Removes every `<@bot_user_id>` (with or without a `|name` label) from raw Slack text, before
/// mrkdwn_to_text, so a mention of the bot does not become part of the question.
std::string strip_mention(std::string_view text, std::string_view bot_user_id);

/// & < > as &amp; &lt; &gt;: Slack's three control characters, and the only ones to escape
/// (https://api.slack.com/reference/surfaces/formatting#escaping).
std::string escape_mrkdwn(std::string_view text);

/// The bot's Markdown-light as mrkdwn, not yet escaped: **bold** → *bold*, "- " bullets → "• ".
std::string markdown_light_to_mrkdwn(std::string_view text);

/// Length as Slack's limits count it. Slack counts characters; we count UTF-16 code units, which
/// is never fewer, so a text within our count is within Slack's.
std::size_t slack_length(std::string_view utf8);

/// `text` within `limit` (slack_length), cut at a character boundary and ending in "…" when cut.
std::string shortened(std::string_view text, std::size_t limit);

/// The longest prefix of `text` whose *escaped* form is within `limit`, ending at a paragraph,
/// else a line, else a space, else a character boundary; at least one character, so a loop of
/// cuts always makes progress. Returns the prefix length in bytes.
std::size_t split_point(std::string_view text, std::size_t limit);

}  // namespace superbruger::adapters::slack
