// Forms as compact JSON.
#include "adapters/slack/form_codec.hpp"

#include "adapters/slack/slack_text.hpp"
#include "adapters/untrusted_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace superbruger::adapters::slack {

namespace {

using nlohmann::json;

char const* kind_name(FormField::Kind kind) {
    switch (kind) {
    case FormField::Kind::text: return "text";
    case FormField::Kind::choice: return "choice";
    case FormField::Kind::line: break;
    }
    return "line";
}

json to_json(Form const& form) {
    json fields = json::array();
    for (auto const& f : form.fields) {
        json j = {{"i", f.id}, {"l", f.label}, {"k", kind_name(f.kind)}};
        if (f.max_chars > 0) j["m"] = f.max_chars;
        if (!f.choices.empty()) {
            j["c"] = json::array();
            for (auto const& [value, title] : f.choices) j["c"].push_back({value, title});
        }
        if (!f.value.empty()) j["v"] = f.value;
        fields.push_back(std::move(j));
    }
    return {{"f", fields}, {"s", form.submit_label}, {"c", form.submit_command}};
}

}  // namespace

std::string encode_form(Form const& form, std::size_t limit) {
    Form trimmed = form;
    for (;;) {
        auto text = to_json(trimmed).dump();
        if (slack_length(text) <= limit) return text;
        auto longest = std::max_element(trimmed.fields.begin(), trimmed.fields.end(),
                                        [](FormField const& a, FormField const& b) { return a.value.size() < b.value.size(); });
        if (longest == trimmed.fields.end() || longest->value.empty()) return {};
        longest->value.clear();
    }
}

std::optional<Form> decode_form(std::string_view text) {
    auto const j = parse_untrusted_json(text);
    if (!j.is_object() || !j.contains("f") || !j["f"].is_array()) return std::nullopt;
    Form form;
    form.submit_label = string_member(j, "s");
    form.submit_command = string_member(j, "c");
    if (form.submit_command.empty()) return std::nullopt;
    for (auto const& f : j["f"]) {
        if (!f.is_object()) return std::nullopt;
        FormField field;
        field.id = string_member(f, "i");
        if (field.id.empty()) return std::nullopt;
        field.label = string_member(f, "l");
        auto const kind = string_member(f, "k");
        field.kind = kind == "text" ? FormField::Kind::text : kind == "choice" ? FormField::Kind::choice : FormField::Kind::line;
        if (auto m = f.find("m"); m != f.end() && m->is_number_unsigned()) field.max_chars = m->get<std::size_t>();
        if (auto c = f.find("c"); c != f.end() && c->is_array()) {
            for (auto const& pair : *c) {
                if (pair.is_array() && pair.size() == 2 && pair[0].is_string() && pair[1].is_string()) {
                    field.choices.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
                }
            }
        }
        field.value = string_member(f, "v");
        form.fields.push_back(std::move(field));
    }
    return form;
}

}  // namespace superbruger::adapters::slack
