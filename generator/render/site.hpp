#pragma once

#include "compute/changes.hpp"
#include "compute/page_keys.hpp"
#include "compute/updated.hpp"
#include "compute/site_index.hpp"
#include "model/model.hpp"
#include "core/timing.hpp"
#include "render/output.hpp"

#include <functional>

namespace parkpress::render {

/// Renders the whole static site: every page through the theme's templates, the charts, the
/// sitemap, robots.txt, the 404 page, the data downloads and the theme's assets.
/// Deterministic: the same model and theme give the same bytes.
/// `with_pdf`: whether the bulletins' PDFs are built too (pages link to them only then).
/// Files go to `sink` as they are rendered, `jobs` pages at a time.
struct RenderOptions {
    bool with_pdf = true;              ///< whether pages link to the bulletins' PDFs
    int jobs = 1;                      ///< pages rendered at once
    core::Timings* timings = nullptr;  ///< stage timings, when wanted
    /// With keys, a page the sink already has from an earlier build with the same key is
    /// not rendered again (see PageKeys).
    const compute::PageKeys* keys = nullptr;
    /// When park, province and bulletin pages last changed (from git); null or absent: unknown.
    const compute::UpdatedDates* updated = nullptr;
    /// Called after each file with (done, total), from any worker; may be empty.
    std::function<void(std::size_t, std::size_t)> progress;
    /// The changes page (changes/index.html, linked from every page's layout): its data,
    /// asked for only when the page is rendered, and what it is made from besides the
    /// layout. No page when empty, or when the theme has no changes template.
    std::function<const compute::ChangeLog&()> change_log;
    std::string changes_key;
    /// A bulletin's section 本期数据变化 (nullptr: none), asked for only when the bulletin
    /// is rendered, and what it is made from besides the bulletin's own inputs ("": none).
    std::function<const compute::BulletinChanges*(const model::Bulletin&)> bulletin_changes;
    std::function<std::string(const model::Bulletin&)> bulletin_changes_key;
};

/// A bulletin's page or PDF key with what its section 本期数据变化 is made from.
std::string with_changes_key(const std::string& key, const std::string& changes_key);

void render_site(const model::SiteModel& model, const compute::SiteIndex& index, const Theme& theme, Sink& sink,
                 const RenderOptions& options);

/// Into memory.
OutputFiles render_site(const model::SiteModel& model, const compute::SiteIndex& index, const Theme& theme,
                        bool with_pdf = true, int jobs = 1);

} // namespace parkpress::render
