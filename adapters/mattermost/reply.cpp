// Rendering replies for Mattermost and classifying its REST answers.
#include "adapters/mattermost/reply.hpp"

#include "adapters/mattermost/inbound.hpp"
#include "adapters/mattermost/mattermost_text.hpp"
#include "adapters/untrusted_json.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

namespace superbruger::adapters::mattermost {

namespace {

using nlohmann::json;

/// When a 429 says nothing about how long: a second is Mattermost's default limiter window
/// (RateLimitSettings.PerSec 10); more would only hold the outbox up.
constexpr std::chrono::seconds default_rate_limit_wait{1};
/// Waits past this are read as this: a broken header must not park a message for a year.
constexpr std::chrono::seconds max_wait{3600};
/// A reset past this many seconds is a Unix time, not a delta (2001-09-09).
constexpr long long epoch_threshold = 1'000'000'000;

std::string source_text(ChatReply const& reply) {
    if (!reply.footer.empty()) return reply.footer;
    std::string out;
    for (auto const& c : reply.citations) {
        auto name = c.title.empty() ? c.document_id : c.title;
        if (!c.section.empty()) name += " – " + c.section;
        if (name.empty()) continue;
        out += (out.empty() ? "" : " · ") + name;
    }
    return out;
}

/// A button; ids only of letters and digits, as the interactive-messages docs ask of action ids.
json button(std::string const& id, std::string const& label, json context, RenderSettings const& settings) {
    return {{"id", id}, {"type", "button"}, {"name", label}, {"integration", {{"url", settings.action_url}, {"context", std::move(context)}}}};
}

std::optional<long long> number_of(std::string_view header) {
    while (!header.empty() && header.front() == ' ') header.remove_prefix(1);
    while (!header.empty() && header.back() == ' ') header.remove_suffix(1);
    long long n = 0;
    auto const [end, error] = std::from_chars(header.data(), header.data() + header.size(), n);
    if (header.empty() || error != std::errc{} || end != header.data() + header.size() || n < 0) return std::nullopt;
    return n;
}

/// Seconds to wait: Retry-After first (RFC 9110 §10.2.3 delta-seconds), else X-Ratelimit-Reset.
std::optional<std::chrono::seconds> wait_of(std::string_view retry_after, std::string_view reset, std::chrono::system_clock::time_point now) {
    std::optional<long long> seconds = number_of(retry_after);
    if (!seconds) {
        seconds = number_of(reset);
        if (seconds && *seconds >= epoch_threshold) {
            auto const now_s = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
            seconds = now_s >= epoch_threshold ? std::max(0LL, *seconds - now_s) : std::optional<long long>{};
        }
    }
    if (!seconds) return std::nullopt;
    return std::min(std::chrono::seconds(*seconds), max_wait);
}

/// Mattermost's AppError body: {"id": "api.context.…", "message": "…", "status_code": …}.
std::string error_of(unsigned status, std::string_view body) {
    auto out = "HTTP " + std::to_string(status);
    auto const j = parse_untrusted_json(body);
    if (!j.is_object()) return out;
    if (auto id = string_member(j, "id"); !id.empty()) out += " " + id;
    if (auto message = string_member(j, "message"); !message.empty()) out += ": " + message;
    return out;
}

json element(FormField const& field) {
    json e = {{"display_name", within_bytes(field.label.empty() ? field.id : field.label, max_element_display_name)},
              {"name", field.id}};
    switch (field.kind) {
        case FormField::Kind::line: {
            e["type"] = "text";
            auto const max = field.max_chars == 0 ? max_text_default : field.max_chars;
            e["max_length"] = max;
            if (!field.value.empty()) e["default"] = within_bytes(field.value, max_text_default);
            break;
        }
        case FormField::Kind::text: {
            e["type"] = "textarea";
            e["max_length"] = std::min(field.max_chars == 0 ? max_textarea_default : field.max_chars, max_textarea_default);
            if (!field.value.empty()) e["default"] = within_bytes(field.value, max_textarea_default);
            break;
        }
        case FormField::Kind::choice: {
            e["type"] = "select";
            json options = json::array();
            bool default_known = false;
            for (auto const& [value, title] : field.choices) {
                options.push_back({{"text", title.empty() ? value : title}, {"value", value}});
                default_known = default_known || value == field.value;
            }
            e["options"] = std::move(options);
            // Dialog.IsValid refuses a select whose default is not among its options.
            if (default_known && field.value.size() <= max_select_default) e["default"] = field.value;
            break;
        }
    }
    return e;
}

}  // namespace

std::string message_text(ChatReply const& reply) {
    auto const source = source_text(reply);
    if (source.empty()) return within_runes(reply.text, max_message_runes);
    auto const tail = within_runes(source, max_message_runes / 4);
    auto const room = max_message_runes - rune_count(tail) - 2;
    if (reply.text.empty()) return tail;
    return within_runes(reply.text, room) + "\n\n" + tail;
}

json message_props(ChatReply const& reply, RenderSettings const& settings) {
    json actions = json::array();
    if (reply.form) actions.push_back(button("sbopenform", settings.open_form_label, open_form_context(*reply.form, settings.action_secret), settings));
    for (std::size_t i = 0; i < reply.actions.size(); ++i) {
        auto const& a = reply.actions[i];
        actions.push_back(button("sbaction" + std::to_string(i), a.label, action_context(a.value, settings.action_secret), settings));
    }
    if (actions.empty()) return json::object();
    return {{"attachments", json::array({{{"actions", std::move(actions)}}})}};
}

json webhook_response(ChatReply const& reply, RenderSettings const& settings) {
    json out = {{"response_type", "comment"}, {"text", message_text(reply)}};
    if (auto props = message_props(reply, settings); !props.empty()) out["props"] = std::move(props);
    return out;
}

json command_response(ChatReply const& reply, RenderSettings const& settings, bool in_channel) {
    json out = {{"response_type", in_channel ? "in_channel" : "ephemeral"}, {"text", message_text(reply)}};
    if (auto props = message_props(reply, settings); !props.empty()) out["props"] = std::move(props);
    return out;
}

json post_body(std::string const& channel_id, ChatReply const& reply, RenderSettings const& settings, std::string const& root_id) {
    json out = {{"channel_id", channel_id}, {"message", message_text(reply)}, {"props", message_props(reply, settings)}};
    if (!root_id.empty()) out["root_id"] = root_id;
    return out;
}

json incoming_webhook_body(ChatReply const& reply, RenderSettings const& settings) {
    json out = {{"text", message_text(reply)}};
    // A webhook takes the attachments at the top level, not inside props.
    if (auto props = message_props(reply, settings); props.contains("attachments")) out["attachments"] = std::move(props["attachments"]);
    return out;
}

json direct_channel_body(std::string const& bot_user_id, std::string const& user_id) { return json::array({bot_user_id, user_id}); }

json dialog(Form const& form, std::string const& state, RenderSettings const& settings, std::string const& intro) {
    json elements = json::array();
    for (auto const& field : form.fields) {
        if (field.id.empty() || field.id.size() > max_element_name) continue;  // no name the server would take
        elements.push_back(element(field));
    }
    json d = {{"callback_id", dialog_callback_id},
              {"title", within_bytes(settings.dialog_title, max_dialog_title)},
              {"elements", std::move(elements)},
              {"state", state}};
    if (!form.submit_label.empty()) d["submit_label"] = form.submit_label;
    if (!intro.empty()) d["introduction_text"] = intro;
    return d;
}

json dialog_open_body(std::string const& trigger_id, json dialog, RenderSettings const& settings) {
    return {{"trigger_id", trigger_id}, {"url", settings.dialog_url}, {"dialog", std::move(dialog)}};
}

ApiOutcome classify_response(unsigned status, std::string_view retry_after, std::string_view ratelimit_reset, std::string_view body,
                             std::chrono::system_clock::time_point now) {
    ApiOutcome o;
    auto const wait = wait_of(retry_after, ratelimit_reset, now);
    if (status == 429) {
        o.kind = ApiOutcome::Kind::retry;
        o.retry_after = wait.value_or(default_rate_limit_wait);
        o.error = error_of(status, body);
        return o;
    }
    if (status >= 500 || status == 408) {
        o.kind = ApiOutcome::Kind::retry;
        o.retry_after = wait.value_or(std::chrono::seconds(0));
        o.error = error_of(status, body);
        return o;
    }
    if (status >= 200 && status < 300) {
        o.kind = ApiOutcome::Kind::sent;
        // posts and channels/direct answer the new object (its `id`); dialogs/open {"status":"OK"}.
        auto const j = parse_untrusted_json(body);
        if (j.is_object()) o.id = string_member(j, "id");
        return o;
    }
    // 400 (an invalid post or dialog), 401 (a revoked token), 403 (no permission in the channel),
    // 404 (no such channel or user), 413 …: the same call will fail the same way.
    o.kind = ApiOutcome::Kind::refused;
    o.error = error_of(status, body);
    return o;
}

}  // namespace superbruger::adapters::mattermost
