// Forms to and from button contexts.
#include "adapters/mattermost/form_context.hpp"

#include "adapters/untrusted_json.hpp"

namespace superbruger::adapters::mattermost {

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

std::optional<FormField::Kind> kind_of(std::string const& name) {
    if (name == "line") return FormField::Kind::line;
    if (name == "text") return FormField::Kind::text;
    if (name == "choice") return FormField::Kind::choice;
    return std::nullopt;
}

}  // namespace

json form_to_json(Form const& form) {
    json fields = json::array();
    for (auto const& f : form.fields) {
        json field = {{"id", f.id}, {"label", f.label}, {"kind", kind_name(f.kind)}};
        if (f.max_chars != 0) field["max"] = f.max_chars;
        if (!f.value.empty()) field["value"] = f.value;
        if (!f.choices.empty()) {
            json choices = json::array();
            for (auto const& [value, title] : f.choices) choices.push_back(json::array({value, title}));
            field["choices"] = std::move(choices);
        }
        fields.push_back(std::move(field));
    }
    return {{"fields", std::move(fields)}, {"submit_label", form.submit_label}, {"submit_command", form.submit_command}};
}

std::optional<Form> form_from_json(json const& j) {
    if (!j.is_object()) return std::nullopt;
    Form form;
    form.submit_label = string_member(j, "submit_label");
    form.submit_command = string_member(j, "submit_command");
    auto const it = j.find("fields");
    if (form.submit_command.empty() || it == j.end() || !it->is_array() || it->empty()) return std::nullopt;
    for (auto const& f : *it) {
        if (!f.is_object()) return std::nullopt;
        FormField field;
        field.id = string_member(f, "id");
        field.label = string_member(f, "label");
        field.value = string_member(f, "value");
        auto const kind = kind_of(string_member(f, "kind"));
        if (field.id.empty() || !kind) return std::nullopt;
        field.kind = *kind;
        if (auto const m = f.find("max"); m != f.end() && m->is_number_unsigned()) field.max_chars = m->get<std::size_t>();
        if (auto const c = f.find("choices"); c != f.end() && c->is_array()) {
            for (auto const& pair : *c) {
                if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string()) return std::nullopt;
                field.choices.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
            }
        }
        form.fields.push_back(std::move(field));
    }
    return form;
}

}  // namespace superbruger::adapters::mattermost
