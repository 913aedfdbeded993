#pragma once

#include "compute/bulletin.hpp"
#include "render/output.hpp"
#include "render/templates.hpp"

#include <string>

namespace parkpress::render {

/// The files Pandoc needs for one bulletin's PDF: the document as Pandoc JSON ("bulletin.json")
/// and one SVG chart per indicator with figures ("chart-<indicator>.svg"; the document refers
/// to "chart-<indicator>.pdf", which rsvg-convert makes from it).
struct BulletinSources {
    std::string document;
    OutputFiles charts; ///< by file name
};

/// Builds the Pandoc document of a bulletin from the model and from cmark-gfm's parse of its
/// narrative; no text from the content reaches Pandoc except as Str inlines.
BulletinSources bulletin_pandoc(const model::SiteModel& model, const compute::SiteIndex& index,
                                const compute::BulletinData& data);

/// The bulletin's HTML edition: template data for bulletin.mustache, for the page at `page`.
Data bulletin_page_data(const model::SiteModel& model, const compute::SiteIndex& index,
                        const compute::BulletinData& data, const std::string& page);

/// The bar chart of one indicator of a bulletin.
std::string bulletin_chart_svg(const model::SiteModel& model, const compute::SiteIndex& index,
                               const compute::BulletinIndicator& bi, const model::Bulletin& bulletin);

/// "河南省（3个）、湖北省（8个）…": which parks of which provinces are compared.
std::string bulletin_scope_text(const model::SiteModel& model, const compute::BulletinData& data);

} // namespace parkpress::render
