#pragma once

#include "model/model.hpp"

#include <iosfwd>
#include <string>

namespace parkpress::app {

/// A new park's data file and narrative, with every key explained in comments and a
/// placeholder (【待填写：…】) wherever a value is required, so that `check` fails on the
/// untouched template and passes once the placeholders are replaced. The comments list the
/// site's kinds, indicators and latest sources from `model`.
struct ParkTemplate {
    std::string toml;
    std::string narrative;
};
ParkTemplate park_template(const model::SiteModel& model, const std::string& province, const std::string& slug);

/// `parkpress new park PROVINCE/SLUG [CONTENT_DIR]`: writes parks/PROVINCE/SLUG.toml and
/// SLUG.md. Refuses (exit 2) a malformed argument, an unknown province (listing the known
/// ones), a park slug that exists in any province, and never overwrites a file.
int new_park(const std::string& spec, const std::string& content_dir, std::ostream& out, std::ostream& err);

} // namespace parkpress::app
