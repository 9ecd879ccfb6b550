#include "bot/install_paths.hpp"

#include <system_error>

#if !defined(SB_DATA_DIR_FROM_BINDIR) || !defined(SB_SOURCE_KNOWLEDGE_DIR) || !defined(SB_SOURCE_TEAMS_TEMPLATE_DIR)
#error "the build defines SB_DATA_DIR_FROM_BINDIR, SB_SOURCE_KNOWLEDGE_DIR and SB_SOURCE_TEAMS_TEMPLATE_DIR"
#endif

namespace superbruger::bot {

std::filesystem::path installed_data_dir() {
    std::error_code ec;
    // The kernel's link to the running executable: independent of argv[0] and of $PATH.
    // https://man7.org/linux/man-pages/man5/proc.5.html (/proc/pid/exe)
    auto const exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    auto const data = (exe.parent_path() / SB_DATA_DIR_FROM_BINDIR).lexically_normal();
    return std::filesystem::is_directory(data, ec) ? data : std::filesystem::path{};
}

std::filesystem::path bundled_knowledge_dir() {
    auto const installed = installed_data_dir();
    return installed.empty() ? std::filesystem::path(SB_SOURCE_KNOWLEDGE_DIR) : installed / "knowledge";
}

std::filesystem::path teams_template_dir() {
    auto const installed = installed_data_dir();
    return installed.empty() ? std::filesystem::path(SB_SOURCE_TEAMS_TEMPLATE_DIR) : installed / "teams";
}

}  // namespace superbruger::bot
