#pragma once

#include "render/output.hpp"

#include <kainjow/mustache.hpp>

#include <map>
#include <memory>
#include <stdexcept>
#include <string>

namespace parkpress::render {

using Data = kainjow::mustache::data;

/// A template error in a theme: which template and what is wrong.
class TemplateError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// The theme's Mustache templates, each compiled once. Every value from content is escaped by
/// the templates' {{...}}; only HTML that parkpress itself generated (narratives rendered by
/// cmark-gfm, SVG charts) is inserted with {{{...}}}.
class TemplateSet {
public:
    explicit TemplateSet(const Theme& theme);
    /// Renders `name` with `data`; templates named `_*.mustache` are available as partials.
    [[nodiscard]] std::string render(const std::string& name, const Data& data) const;

private:
    std::map<std::string, std::unique_ptr<kainjow::mustache::mustache>> m_compiled;
    std::map<std::string, std::string> m_sources;
};

} // namespace parkpress::render
