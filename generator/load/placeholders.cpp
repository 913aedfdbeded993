#include "load/placeholders.hpp"

#include "core/text.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace parkpress::load {

void check_placeholders(const std::map<std::string, std::string>& texts, core::Diagnostics& diagnostics) {
    constexpr std::string_view close = "】";
    for (const auto& [file, text] : texts) {
        std::size_t at = text.find(k_placeholder);
        if (at == std::string::npos) {
            continue; // the common case: one search per file
        }
        core::PositionTracker positions(text);
        const core::FileName name(file);
        for (; at != std::string::npos; at = text.find(k_placeholder, at + 1)) {
            const std::size_t line_end = std::min(text.find('\n', at), text.size());
            const std::size_t end = text.find(close, at);
            const std::string_view rest = std::string_view(text).substr(at);
            const std::string_view shown = end < line_end ? rest.substr(0, end + close.size() - at)
                                                          : core::utf8_prefix(rest.substr(0, line_end - at), 40);
            const auto where = positions.at(at);
            diagnostics.error({name, where.line, where.column},
                              fmt::format("placeholder {} is not filled in: replace it, brackets included, with the "
                                          "real value",
                                          shown));
        }
    }
}

} // namespace parkpress::load
