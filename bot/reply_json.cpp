// ChatReply ↔ JSON.
#include "bot/reply_json.hpp"

namespace superbruger::bot {

nlohmann::json reply_to_json(adapters::ChatReply const& reply) {
    nlohmann::json actions = nlohmann::json::array();
    for (auto const& a : reply.actions) actions.push_back({{"label", a.label}, {"value", a.value}});
    nlohmann::json citations = nlohmann::json::array();
    for (auto const& c : reply.citations) {
        citations.push_back({{"document_id", c.document_id}, {"title", c.title}, {"section", c.section}, {"origin", c.origin}});
    }
    return {{"text", reply.text}, {"footer", reply.footer}, {"actions", actions}, {"citations", citations}, {"confident", reply.confident}};
}

adapters::ChatReply reply_from_json(nlohmann::json const& j) {
    adapters::ChatReply reply;
    if (!j.is_object()) return reply;
    auto str = [](nlohmann::json const& o, char const* key) {
        auto it = o.find(key);
        return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    reply.text = str(j, "text");
    reply.footer = str(j, "footer");
    if (auto it = j.find("confident"); it != j.end() && it->is_boolean()) reply.confident = it->get<bool>();
    if (auto it = j.find("actions"); it != j.end() && it->is_array()) {
        for (auto const& a : *it) reply.actions.push_back({str(a, "label"), str(a, "value")});
    }
    if (auto it = j.find("citations"); it != j.end() && it->is_array()) {
        for (auto const& c : *it) reply.citations.push_back({str(c, "document_id"), str(c, "title"), str(c, "section"), str(c, "origin")});
    }
    return reply;
}

}  // namespace superbruger::bot
