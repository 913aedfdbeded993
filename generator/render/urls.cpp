#include "render/urls.hpp"

#include <fmt/core.h>

#include <vector>

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
} // namespace paths

namespace {
std::vector<std::string_view> split(std::string_view path) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t slash = path.find('/', start);
        const std::size_t end = slash == std::string_view::npos ? path.size() : slash;
        parts.push_back(path.substr(start, end - start));
        if (slash == std::string_view::npos) {
            break;
        }
        start = slash + 1;
    }
    return parts;
}
} // namespace

std::string relative_url(std::string_view from, std::string_view to) {
    const auto a = split(from);
    const auto b = split(to);
    // Directories of `from` are all its parts but the last (the file).
    std::size_t common = 0;
    while (common + 1 < a.size() && common + 1 < b.size() && a[common] == b[common]) {
        ++common;
    }
    std::string out;
    for (std::size_t i = common; i + 1 < a.size(); ++i) {
        out += "../";
    }
    for (std::size_t i = common; i < b.size(); ++i) {
        out += b[i];
        if (i + 1 < b.size()) {
            out += '/';
        }
    }
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
