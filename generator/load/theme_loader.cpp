#include "load/theme_loader.hpp"

#include "core/files.hpp"

#include <fmt/core.h>

namespace parkpress::load {
namespace fs = std::filesystem;

namespace {
std::string read_file(const fs::path& p) {
    auto bytes = core::read_file(p);
    if (!bytes) {
        throw ThemeError(fmt::format("cannot read {}", p.generic_string()));
    }
    return std::move(*bytes);
}
} // namespace

render::Theme load_theme(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir / "templates", ec)) {
        throw ThemeError(fmt::format("theme folder \"{}\" has no templates/ folder", dir.generic_string()));
    }
    render::Theme theme;
    for (const auto& entry : fs::directory_iterator(dir / "templates")) {
        if (entry.is_regular_file() && entry.path().extension() == ".mustache") {
            const std::string name = entry.path().stem().string();
            std::string text = read_file(entry.path());
            // A partial is inserted inline: the newline that ends its file is not part of it.
            if (name.starts_with("_") && text.ends_with("\n")) {
                text.pop_back();
            }
            theme.templates[name] = std::move(text);
        }
    }
    if (fs::is_directory(dir / "assets", ec)) {
        for (const auto& entry : fs::recursive_directory_iterator(dir / "assets")) {
            if (entry.is_regular_file() && !entry.path().filename().string().starts_with(".")) {
                const std::string rel = entry.path().lexically_relative(dir).generic_string();
                theme.assets[rel] = read_file(entry.path());
            }
        }
    }
    return theme;
}

} // namespace parkpress::load
