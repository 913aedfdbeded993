#include "render/templates.hpp"

#include <fmt/core.h>

namespace parkpress::render {

TemplateSet::TemplateSet(const Theme& theme) : m_sources(theme.templates) {
    for (const auto& [name, text] : theme.templates) {
        auto compiled = std::make_unique<kainjow::mustache::mustache>(text);
        if (!compiled->is_valid()) {
            throw TemplateError(fmt::format("template {}.mustache: {}", name, compiled->error_message()));
        }
        m_compiled.emplace(name, std::move(compiled));
    }
}

std::string TemplateSet::render(const std::string& name, const Data& data) const {
    const auto it = m_compiled.find(name);
    if (it == m_compiled.end()) {
        throw TemplateError(fmt::format("the theme has no template {}.mustache", name));
    }
    Data with_partials = data;
    for (const auto& [partial_name, text] : m_sources) {
        if (!partial_name.starts_with("_")) {
            continue; // partials are the templates named _*.mustache, so they never shadow data
        }
        const std::string* source = &text;
        with_partials.set(partial_name, kainjow::mustache::partial{[source] { return *source; }});
    }
    std::string out = it->second->render(with_partials);
    if (!it->second->is_valid()) {
        throw TemplateError(fmt::format("template {}.mustache: {}", name, it->second->error_message()));
    }
    return out;
}

} // namespace parkpress::render
