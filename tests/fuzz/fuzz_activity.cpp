// The Bot Framework activity parser and the reply rendering: any body is an activity or an
// AdapterError, and whatever text it carries renders to activities within the size limit.
#include "adapters/bot_framework/activity.hpp"
#include "adapters/bot_framework/conversation_reference.hpp"
#include "adapters/bot_framework/message_activity.hpp"
#include "adapters/error.hpp"
#include "tests/fuzz/fuzz_support.hpp"

#include <cstdlib>

using namespace superbruger::adapters;
using namespace superbruger::adapters::bot_framework;

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    Activity activity;
    try {
        activity = parse_activity(superbruger::fuzz::as_text(data, size));
    } catch (AdapterError const&) {
        return 0;
    }
    auto const message = to_chat_message(activity);
    (void)bot_was_added(activity);
    ConversationReference to;
    try {
        to = reference_of(activity);
        auto const back = ConversationReference::from_json(to.to_json());
        if (back.conversation_id != to.conversation_id) std::abort();
    } catch (AdapterError const&) {
        return 0;
    }
    // The message's own text as the reply: the splitter and the card must take any text.
    ChatReply reply{message.text, {{"d", message.sender.display_name, "", ""}}, message.sender.display_name, {{"x", message.text}}, true, {}};
    // The parsed strings are valid UTF-8, so a strict dump throws (and the fuzzer reports it)
    // only if rendering cut a UTF-8 sequence.
    for (auto const& a : message_activities(reply, to, activity.id, 4096)) (void)nlohmann::json::parse(a);  // must be JSON
    return 0;
}
