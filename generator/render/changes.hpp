#pragma once

#include "compute/changes.hpp"
#include "compute/site_index.hpp"
#include "render/pandoc_ast.hpp"
#include "render/templates.hpp"

#include <cstddef>
#include <string>

namespace parkpress::render {

/// The most figure rows the changes page lists for one commit; the rest are counted.
inline constexpr std::size_t k_changes_rows_per_commit = 200;

/// Template data of the changes page (changes.mustache; docs/themes.md lists it) at `page`:
/// each commit with its date, subject and what it changed in the figures, in Chinese, with
/// values in the indicators' display units as `parkpress diff` shows them.
Data changes_page_data(const model::SiteModel& model, const compute::SiteIndex& index, const compute::ChangeLog& log,
                       const std::string& page);

/// Template data of a bulletin's section 本期数据变化 (the `changes` of bulletin.mustache).
Data bulletin_changes_data(const model::SiteModel& model, const compute::SiteIndex& index,
                           const compute::BulletinChanges& changes, const std::string& page);

/// The same section as Pandoc blocks, for the PDF: a heading, a sentence and a table.
pandoc::Blocks bulletin_changes_blocks(const model::SiteModel& model, const compute::BulletinChanges& changes);

} // namespace parkpress::render
