// Prints what serialising one Teams reply costs written straight into a string (JsonWriter, the
// path every reply takes) beside the nlohmann route it replaced (a tree of the same activity,
// then dump()). A benchmark, not a test: it prints figures only.
// Usage: bench_json_writer [ROUNDS]
//
// The peer copies an equal tree rather than assigning member by member as the old code did: the
// copy allocates every node and string as building did, without the key lookups, so the ratio
// printed understates the gain a little. Rounds alternate the two so that a noisy neighbour on
// the machine slows both alike.
#include "adapters/bot_framework/message_activity.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using namespace superbruger::adapters;

/// A knowledge answer as the bot sends it: an excerpt near the 800-character limit, its source
/// line, and the feedback buttons.
ChatReply knowledge_reply() {
    ChatReply r;
    std::string paragraph =
        "Superbrugeren er kommunens første kontakt for kollegerne, når DUBU driller: hun hjælper med "
        "arbejdsgange, opretter brugere og videregiver fejl til den systemansvarlige, som alene må "
        "kontakte Netcompanys servicedesk på kommunens vegne. ";
    r.text = paragraph + "\n\n" + paragraph + "\n\n" + paragraph.substr(0, 180);
    r.citations.push_back({"roller", "Roller i DUBU", "Superbruger", "seeds/roller.md"});
    r.footer = "Kilde: Roller i DUBU › Superbruger";
    r.actions = {{"👍 Hjalp", "feedback op"}, {"👎 Hjalp ikke", "feedback ned"}, {"Hjælp", "hjælp"}};
    return r;
}

bot_framework::ConversationReference reference() {
    bot_framework::ConversationReference to;
    to.service_url = "https://smba.trafficmanager.net/emea/";
    to.channel_id = "msteams";
    to.conversation_id = "a:1Jx3eD1o0qpKQ8n5TzD1pS7WJk0r6eYvVwZ6Q3s0u3gk2mZr9bWq8cN";
    to.conversation_type = "personal";
    to.tenant_id = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    to.bot.id = "28:c9e8a1f2-3b4d-4e5f-8a9b-0c1d2e3f4a5b";
    to.bot.name = "Superbruger-bot";
    to.user.id = "29:1GcS4EzEcbvuGSiVIcaUB0sD4K5A0bXw";
    to.user.name = "Mette Hansen";
    return to;
}

double micros_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    int const rounds = argc > 1 ? std::max(2, std::atoi(argv[1])) : 6;
    constexpr int per_round = 20000;
    auto const reply = knowledge_reply();
    auto const to = reference();
    auto const written = bot_framework::message_activities(reply, to, "1712345678901");
    auto const tree = nlohmann::json::parse(written.front());
    // nlohmann orders an object's keys, the writer keeps the order written: same members, same size.
    if (tree.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).size() != written.front().size()) {
        std::fprintf(stderr, "the two routes write different texts: the comparison would be void\n");
        return 1;
    }

    std::size_t sink = 0;
    std::vector<double> writer_us, tree_us;
    for (int r = 0; r < rounds; ++r) {
        auto t0 = std::chrono::steady_clock::now();
        for (int i = 0; i < per_round; ++i) sink += bot_framework::message_activities(reply, to, "1712345678901").front().size();
        writer_us.push_back(micros_since(t0) / per_round);

        t0 = std::chrono::steady_clock::now();
        for (int i = 0; i < per_round; ++i) {
            nlohmann::json copy = tree;
            sink += copy.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).size();
        }
        tree_us.push_back(micros_since(t0) / per_round);
        std::printf("round %d: writer %.2f us/reply, tree+dump %.2f us/reply, ratio %.1fx\n", r + 1, writer_us.back(),
                    tree_us.back(), tree_us.back() / writer_us.back());
    }
    std::printf("reply of %zu bytes, median of %d rounds: writer %.2f us, tree+dump %.2f us, ratio %.1fx (checksum %zu)\n",
                written.front().size(), rounds, median(writer_us), median(tree_us), median(tree_us) / median(writer_us), sink);
    return 0;
}
