// Where superbot finds its read-only data (the bundled knowledge base, the Teams app templates).
// An installed binary finds them beside itself: PREFIX/bin/superbot reads PREFIX/share/superbot,
// wherever PREFIX is (/usr from the .deb, /usr/local from `cmake --install`, a container's
// folder). A binary run from the build tree, which has no share/ beside it, falls back to the
// source tree it was built from, so development needs no install step.
#pragma once

#include <filesystem>

namespace superbruger::bot {

/// PREFIX/share/superbot when the running binary is PREFIX/bin/superbot and that folder exists;
/// otherwise empty.
std::filesystem::path installed_data_dir();

/// The bundled knowledge base: installed_data_dir()/knowledge, else the source tree's.
std::filesystem::path bundled_knowledge_dir();

/// The Teams app templates: installed_data_dir()/teams, else the source tree's deploy/teams.
std::filesystem::path teams_template_dir();

}  // namespace superbruger::bot
