#include "render/templates.hpp"

#include "render/lazy.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <string_view>
#include <vector>

namespace parkpress::render {

namespace {

/// How partials are replaced in one template: the partials being expanded, innermost last,
/// and how many more times a partial may be expanded inside itself.
struct Expansion {
    const std::map<std::string, std::string>& templates;
    std::vector<std::string_view> open;
    int repeats = 64;
};

/// Partials nested deeper than this stay partials, rendered by the engine.
constexpr std::size_t k_max_nesting = 24;

/// Replaces `{{> _name}}` by the partial's text, so that a partial is parsed once with its
/// template instead of at every use (kainjow's mustache parses a partial each time it is
/// rendered, which in a table row is once per row). A partial that includes itself (the park
/// tree, whose data is at most 17 levels deep) is unrolled up to k_max_nesting levels and 64
/// repeats in all; beyond that it stays a partial and is rendered by the engine, as it would
/// be anyway: expanding changes when a partial is parsed, not what is rendered.
std::string expand_partials(const std::string& text, Expansion& e) {
    std::string out;
    std::size_t pos = 0;
    while (true) {
        const std::size_t open = text.find("{{>", pos);
        if (open == std::string::npos) {
            out += text.substr(pos);
            return out;
        }
        const std::size_t close = text.find("}}", open);
        if (close == std::string::npos) {
            out += text.substr(pos);
            return out;
        }
        std::string name = text.substr(open + 3, close - open - 3);
        name.erase(0, name.find_first_not_of(" \t"));
        name.erase(name.find_last_not_of(" \t") + 1);
        const auto it = e.templates.find(name);
        out += text.substr(pos, open - pos);
        const bool again = std::find(e.open.begin(), e.open.end(), name) != e.open.end();
        if (it == e.templates.end() || e.open.size() >= k_max_nesting || (again && e.repeats <= 0)) {
            out += text.substr(open, close + 2 - open);
        } else {
            e.repeats -= again ? 1 : 0;
            e.open.push_back(it->first);
            out += expand_partials(it->second, e);
            e.open.pop_back();
        }
        pos = close + 2;
    }
}

} // namespace

std::string html_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size() + 16);
    std::size_t done = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        std::string_view entity;
        switch (text[i]) {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = "&quot;"; break;
        case '\'': entity = "&apos;"; break;
        default: continue;
        }
        out.append(text, done, i - done);
        out.append(entity);
        done = i + 1;
    }
    out.append(text, done);
    return out;
}

TemplateSet::TemplateSet(const Theme& theme) : m_sources(theme.templates) {
    for (const auto& [partial_name, text] : m_sources) {
        if (partial_name.starts_with("_")) { // partials are the templates named _*.mustache, so they never shadow data
            const std::string* source = &text;
            m_partials.emplace_back(partial_name, Data(kainjow::mustache::partial{[source] { return *source; }}));
        }
    }
    for (auto& [name, text] : m_sources) {
        Expansion expansion{theme.templates, {}, 64};
        text = expand_partials(text, expansion);
    }
    for (const auto& [name, text] : m_sources) {
        auto compiled = std::make_unique<kainjow::mustache::mustache>(text);
        compiled->set_custom_escape(html_escape);
        if (!compiled->is_valid()) {
            throw TemplateError(fmt::format("template {}.mustache: {}", name, compiled->error_message()));
        }
        m_compiled.emplace(name, Compiled{std::move(compiled)});
    }
}

std::string TemplateSet::render(const std::string& name, Data& data, const LazyLists* lists) const {
    const auto it = m_compiled.find(name);
    if (it == m_compiled.end()) {
        throw TemplateError(fmt::format("the theme has no template {}.mustache", name));
    }
    for (const auto& [partial_name, partial] : m_partials) {
        data.set(partial_name, partial);
    }
    const Compiled& compiled = it->second;
    std::string out = render_lazy(*compiled.tmpl, data, lists, compiled.last_size + compiled.last_size / 8);
    if (!compiled.tmpl->is_valid()) {
        throw TemplateError(fmt::format("template {}.mustache: {}", name, compiled.tmpl->error_message()));
    }
    compiled.last_size = out.size();
    return out;
}

} // namespace parkpress::render
