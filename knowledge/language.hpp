// Guessing whether a question is Danish or English, to answer in the asker's language.
#pragma once

#include <string_view>

namespace superbruger::knowledge {

enum class Language { da, en };

/// Counts Danish and English function words and letters only Danish has; Danish wins ties,
/// since most of the network writes Danish.
Language detect_language(std::string_view text);

}  // namespace superbruger::knowledge
