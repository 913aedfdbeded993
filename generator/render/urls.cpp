#include "render/urls.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace parkpress::render {

namespace paths {
std::string home() { return "index.html"; }
std::string parks_index() { return "parks/index.html"; }
std::string park(std::string_view slug) { return fmt::format("parks/{}/index.html", slug); }
std::string provinces_index() { return "provinces/index.html"; }
std::string province(std::string_view slug) { return fmt::format("provinces/{}/index.html", slug); }
std::string kinds_index() { return "kinds/index.html"; }
std::string kind(std::string_view key) { return fmt::format("kinds/{}/index.html", key); }
std::string indicators_index() { return "indicators/index.html"; }
std::string indicator(std::string_view key) { return fmt::format("indicators/{}/index.html", key); }
std::string compare() { return "compare/index.html"; }
std::string sources() { return "sources/index.html"; }
std::string source(std::string_view key) { return fmt::format("sources/{}/index.html", key); }
std::string bulletins_index() { return "bulletins/index.html"; }
std::string bulletin(std::string_view id) { return fmt::format("bulletins/{}/index.html", id); }
std::string bulletin_pdf(std::string_view id) { return fmt::format("bulletins/{}.pdf", id); }
std::string changes() { return "changes/index.html"; }
} // namespace paths

std::string relative_url(std::string_view from, std::string_view to) {
    // The directories both paths begin with, through the last shared '/'.
    std::size_t common = 0;
    for (;;) {
        const std::size_t a = from.find('/', common);
        const std::size_t b = to.find('/', common);
        if (a == std::string_view::npos || a != b || from.substr(common, a - common) != to.substr(common, b - common)) {
            break;
        }
        common = a + 1;
    }
    // One "../" for each directory of `from` below them.
    const auto ups = static_cast<std::size_t>(std::count(from.begin() + static_cast<std::ptrdiff_t>(common), from.end(), '/'));
    std::string out;
    out.reserve(3 * ups + to.size() - common);
    for (std::size_t i = 0; i < ups; ++i) {
        out += "../";
    }
    out += to.substr(common);
    return out;
}

std::string absolute_url(std::string_view base_url, std::string_view path) {
    std::string out(base_url);
    if (!out.ends_with('/')) {
        out += '/';
    }
    constexpr std::string_view index = "index.html";
    if (path.ends_with(index)) {
        path.remove_suffix(index.size());
    }
    return out + std::string(path);
}

} // namespace parkpress::render
