#pragma once

#include "model/model.hpp"
#include "render/output.hpp"

#include <functional>
#include <string>
#include <vector>

namespace parkpress::render {

/// The data downloads: data/facts.csv (one row per fact, target and rank), data/parks.csv
/// (one row per park) — both UTF-8 with a byte order mark so that Excel reads Chinese — and
/// data/parks.json with the whole model.
OutputFiles render_exports(const model::SiteModel& model);

/// The same files as separate tasks that may run in parallel: each path with what makes it.
std::vector<std::pair<std::string, std::function<std::string()>>> export_tasks(const model::SiteModel& model);

/// One CSV record (RFC 4180 quoting, CRLF line end). Text fields that a spreadsheet would
/// run as a formula (starting with = + - @ or a tab) are prefixed with an apostrophe.
std::string csv_record(const std::vector<std::string>& fields, const std::vector<bool>& numeric = {});

} // namespace parkpress::render
