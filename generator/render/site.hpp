#pragma once

#include "compute/site_index.hpp"
#include "model/model.hpp"
#include "core/timing.hpp"
#include "render/output.hpp"

namespace parkpress::render {

/// Renders the whole static site: every page through the theme's templates, the charts, the
/// sitemap, robots.txt, the 404 page, the data downloads and the theme's assets.
/// Deterministic: the same model and theme give the same bytes.
/// `with_pdf`: whether the bulletins' PDFs are built too (pages link to them only then).
/// Files go to `sink` as they are rendered, `jobs` pages at a time.
void render_site(const model::SiteModel& model, const compute::SiteIndex& index, const Theme& theme, Sink& sink,
                 bool with_pdf = true, core::Timings* timings = nullptr, int jobs = 1);

/// The same, into memory.
OutputFiles render_site(const model::SiteModel& model, const compute::SiteIndex& index, const Theme& theme,
                        bool with_pdf = true, core::Timings* timings = nullptr, int jobs = 1);

} // namespace parkpress::render
