#include "load/references.hpp"

#include "core/text.hpp"

#include <fmt/core.h>

namespace parkpress::load {
namespace {

std::vector<std::string_view> split_words(std::string_view s) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) {
            ++i;
        }
        const std::size_t start = i;
        while (i < s.size() && s[i] != ' ' && s[i] != '\t') {
            ++i;
        }
        if (i > start) {
            words.push_back(s.substr(start, i - start));
        }
    }
    return words;
}

constexpr std::string_view k_usage = "expected {{fact INDICATOR}}, {{fact PARK INDICATOR}}, "
                                     "{{target INDICATOR}} or {{target PARK INDICATOR}}";

} // namespace

std::vector<model::Reference> parse_references(std::string_view text, const std::string& file,
                                               core::Diagnostics& diagnostics) {
    std::vector<model::Reference> refs;
    core::PositionTracker positions(text);
    std::size_t pos = 0;
    while ((pos = text.find("{{", pos)) != std::string_view::npos) {
        const auto at = positions.at(pos);
        const core::SourceLocation where{file, at.line, at.column};
        const std::size_t close = text.find("}}", pos + 2);
        const std::size_t newline = text.find('\n', pos + 2);
        if (close == std::string_view::npos || (newline != std::string_view::npos && newline < close)) {
            diagnostics.error(where, fmt::format("unclosed reference: \"{{{{\" without \"}}}}\" on the same line; {}", k_usage));
            pos += 2;
            continue;
        }
        const std::string_view inner = text.substr(pos + 2, close - pos - 2);
        const auto words = split_words(inner);
        model::Reference ref;
        ref.offset = pos;
        ref.length = close + 2 - pos;
        ref.where = where;
        bool ok = words.size() == 2 || words.size() == 3;
        if (ok && words[0] != "fact" && words[0] != "target") {
            diagnostics.error(where, fmt::format("unknown reference kind \"{}\"; {}{}", words[0], k_usage,
                                                 core::did_you_mean(words[0], {"fact", "target"})));
            pos = close + 2;
            continue;
        }
        if (ok && words.size() == 3 && !core::is_slug(words[1])) {
            diagnostics.error(where, fmt::format("\"{}\" is not a park slug (lowercase letters, digits and "
                                                 "single hyphens)", words[1]));
            pos = close + 2;
            continue;
        }
        if (ok && !core::is_indicator_key(words.back())) {
            diagnostics.error(where, fmt::format("\"{}\" is not an indicator key (lowercase letters, digits "
                                                 "and underscores, starting with a letter)", words.back()));
            pos = close + 2;
            continue;
        }
        if (!ok) {
            diagnostics.error(where, fmt::format("malformed reference \"{{{{{}}}}}\"; {}", inner, k_usage));
            pos = close + 2;
            continue;
        }
        ref.kind = words[0] == "fact" ? model::Reference::Kind::fact : model::Reference::Kind::target;
        if (words.size() == 3) {
            ref.park = std::string(words[1]);
        }
        ref.indicator = std::string(words.back());
        refs.push_back(std::move(ref));
        pos = close + 2;
    }
    return refs;
}

} // namespace parkpress::load
