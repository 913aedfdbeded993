#pragma once

#include "model/model.hpp"

#include <functional>
#include <memory>
#include <string>

struct cmark_node;

namespace parkpress::render {

/// What a `{{fact ...}}` or `{{target ...}}` becomes: a link whose text is the figure.
struct ResolvedReference {
    std::string text;  ///< "≈103亿元（2023年）"
    std::string url;   ///< relative URL of its source
    std::string title; ///< tooltip: the source's title and date
};
using Resolver = std::function<ResolvedReference(const model::Reference&)>;

/// A narrative parsed by cmark-gfm (tables, strikethrough, autolinks, tagfilter; raw HTML is
/// never rendered) and made safe and ready for any output:
/// - references replaced by links carrying the resolved figure (plain text in code, and
///   inside another link);
/// - a line break between two Chinese characters removed, as it would show as a space;
/// - links kept only for http, https, mailto and relative targets; images only for relative
///   targets (the site loads nothing from other hosts); others become their text;
/// - headings moved one level down, under the page's own title.
class NarrativeDocument {
public:
    NarrativeDocument(const model::Narrative& narrative, const Resolver& resolve);
    ~NarrativeDocument();
    NarrativeDocument(const NarrativeDocument&) = delete;
    NarrativeDocument& operator=(const NarrativeDocument&) = delete;

    [[nodiscard]] cmark_node* root() const { return m_root; }
    /// Safe HTML (cmark-gfm's renderer without unsafe mode).
    [[nodiscard]] std::string html() const;

private:
    cmark_node* m_root = nullptr;
};

/// Registers cmark-gfm's extensions; call once before rendering narratives from several threads.
void prepare_markdown();

/// Whether a link target is allowed in a narrative (http, https, mailto, or relative).
bool is_safe_link(const std::string& url);

} // namespace parkpress::render
