#pragma once

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
};

void render_site(const model::SiteModel& model, const compute::SiteIndex& index, const Theme& theme, Sink& sink,
                 const RenderOptions& options);

/// Into memory.
OutputFiles render_site(const model::SiteModel& model, const compute::SiteIndex& index, const Theme& theme,
                        bool with_pdf = true, int jobs = 1);

} // namespace parkpress::render
