// The directory CSV every network imports.
#include "tests/support/chat_network.hpp"

namespace superbruger::tests {

std::string directory_csv(std::vector<Member> const& members, std::string const& platform, std::string (*tenant_of)(Member const&),
                          std::string (*identity_of)(Member const&)) {
    std::string csv = "kommune;kommunenummer;navn;email;rolle;koordinator;platform;tenant;identitet\n";
    for (auto const& m : members) {
        csv += m.municipality + ";" + m.number + ";" + m.name + ";" + m.handle + "@kommune.example;" + m.role + ";" +
               (m.coordinator ? "ja" : "nej") + ";" + platform + ";" + tenant_of(m) + ";" + identity_of(m) + "\n";
    }
    return csv;
}

}  // namespace superbruger::tests
